package org.smscampaign.link;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.click.ClickTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conversions: attribution to the last human click within the window, idempotency,
 * browser reports.
 */
@LinkTrackingIT
class ConversionsIT {

    private static int nextClient = 10;

    @LocalServerPort
    int port;

    @Autowired
    ShortLinks links;

    @Autowired
    Conversions conversions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClickTokens tokens;

    @Autowired
    UnverifiedConversions unverified;

    /** This test's address: each has its own rate limits. */
    private String client;

    @BeforeEach
    void ownClientAddress() {
        this.client = "203.0.113." + (nextClient++);
        RawHttp.fromClient(this.client);
    }

    /** A recipient link clicked once with the given agent; returns the click id. */
    private long clickedLink(long contactId, String userAgent) {
        return this.tokens.verify(clickedLinkToken(contactId, userAgent)).orElseThrow();
    }

    /**
     * A recipient link clicked once with the given agent; returns the smsclid the landing
     * page received.
     */
    private String clickedLinkToken(long contactId, String userAgent) {
        MintedLink link = this.links
            .mint(List
                .of(new RecipientLinkRequest("https://shop.example/", null, 77, contactId, "B", null, "autumn", 7)))
            .get(0);
        String location = RawHttp.get(this.port, "/r/" + link.code(), userAgent).header("Location");
        String token = location.replaceAll(".*smsclid=([A-Za-z0-9_-]+).*", "$1");
        long clickId = this.tokens.verify(token).orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && this.jdbc.sql("select count(*) from link_click where id = :id")
            .param("id", clickId)
            .query(Long.class)
            .single() == 0) {
            Thread.onSpinWait();
        }
        return token;
    }

    private ConversionRequest sale(long clickId, String orderId, Instant at) {
        return new ConversionRequest(this.tokens.of(clickId), null, "sale", new BigDecimal("49.90"), "eur", orderId,
                at);
    }

    @Test
    void aConversionIsAttributedToTheContactsLastHumanClick() {
        long click = clickedLink(5001, RedirectIT.PHONE);

        ConversionView conversion = this.conversions.record(sale(click, "A-" + System.nanoTime(), null),
                Conversions.Source.SERVER);

        assertThat(conversion.attributed()).isTrue();
        assertThat(conversion.clickId()).isEqualTo(click);
        assertThat(conversion.campaignId()).isEqualTo(77);
        assertThat(conversion.contactId()).isEqualTo(5001);
        assertThat(conversion.variant()).isEqualTo("B");
        assertThat(conversion.currency()).isEqualTo("EUR");
    }

    @Test
    void theSameOrderReportedAgainIsRecordedOnce() {
        long click = clickedLink(5002, RedirectIT.PHONE);
        String order = "A-" + System.nanoTime();

        ConversionView first = this.conversions.record(sale(click, order, null), Conversions.Source.SERVER);
        ConversionView again = this.conversions.record(sale(click, order, null), Conversions.Source.SERVER);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(this.jdbc.sql("select count(*) from conversion where order_id = lower(:order)")
            .param("order", order)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aConversionAfterTheWindowOrAfterOnlyBotHitsIsUnattributed() {
        long old = clickedLink(5003, RedirectIT.PHONE);
        this.jdbc.sql("update link_click set occurred_at = now() - interval '8 days' where id = :id")
            .param("id", old)
            .update();
        assertThat(this.conversions.record(sale(old, null, null), Conversions.Source.SERVER).attributed()).isFalse();

        long preview = clickedLink(5004, RedirectIT.IMESSAGE);
        ConversionView afterPreview = this.conversions.record(sale(preview, null, null), Conversions.Source.SERVER);
        assertThat(afterPreview.attributed()).isFalse();
        assertThat(afterPreview.campaignId()).isNull();
    }

    @Test
    void badReportsAreRefusedWithReasons() {
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> this.conversions.record(
                new ConversionRequest(null, null, "sale", new BigDecimal("10"), null, null, null),
                Conversions.Source.SERVER))
            .withMessageContaining("currency");
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> this.conversions
            .record(new ConversionRequest(null, null, "Buy Now!", null, null, null, null), Conversions.Source.SERVER))
            .withMessageContaining("event");
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> this.conversions.record(
                new ConversionRequest(null, null, "sale", null, null, null, Instant.now().plus(Duration.ofDays(1))),
                Conversions.Source.SERVER))
            .withMessageContaining("future");
    }

    @Test
    void theLandingPageScriptReportsUnverifiedConversionsCorsSafely() throws Exception {
        String click = clickedLinkToken(5005, RedirectIT.PHONE);

        HttpResponse<String> script = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/t/sms.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("smsclid", "smsTrack");

        HttpResponse<String> report = browserReport(
                "{\"clickId\":\"" + click + "\",\"event\":\"sale\",\"value\":\"19.99\",\"currency\":\"USD\","
                        + "\"orderId\":\"W-" + click + "\"}");
        assertThat(report.statusCode()).isEqualTo(204);
        assertThat(report.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(this.jdbc.sql("select attributed and not verified from conversion where order_id = lower(:order)")
            .param("order", "W-" + click)
            .query(Boolean.class)
            .single()).as("attributed, and marked unverified").isTrue();
    }

    /**
     * Issue 16, finding 2: one anonymous post of 999999999 JPY without an order id added
     * a billion to a USD campaign's revenue.
     */
    @Test
    void aBillionYenFromTheBrowserIsRefusedAndAnAcceptedReportDoesNotCount() throws Exception {
        String click = clickedLinkToken(5006, RedirectIT.PHONE);
        long campaign = 77;
        long before = revenueCents(campaign);

        assertThat(browserReport("{\"clickId\":\"" + click + "\",\"value\":\"999999999\",\"currency\":\"JPY\"}")
            .statusCode()).as("no order id").isEqualTo(400);
        assertThat(browserReport(
                "{\"clickId\":\"" + click + "\",\"value\":\"999999999\",\"currency\":\"JPY\",\"orderId\":\"J-1\"}")
            .statusCode()).as("a currency not accepted from the browser").isEqualTo(400);
        assertThat(browserReport(
                "{\"clickId\":\"" + click + "\",\"value\":\"999999999\",\"currency\":\"USD\",\"orderId\":\"J-2\"}")
            .statusCode()).as("above the cap").isEqualTo(400);
        assertThat(this.jdbc.sql("select count(*) from conversion where reported_click_id = :click")
            .param("click", this.tokens.verify(click).orElseThrow())
            .query(Long.class)
            .single()).isZero();

        assertThat(browserReport("{\"clickId\":\"" + click
                + "\",\"value\":\"5000\",\"currency\":\"USD\",\"orderId\":\"J-" + click + "\"}")
            .statusCode()).isEqualTo(204);
        assertThat(revenueCents(campaign)).as("unverified: not counted while the brand has not opted in")
            .isEqualTo(before);

        long brand = this.jdbc.sql("select id from link_brand where is_default").query(Long.class).single();
        long unverifiedCents = this.jdbc.sql("""
                select cast(coalesce(sum(value), 0) * 100 as bigint) from conversion
                where campaign_id = :id and attributed and not verified""")
            .param("id", campaign)
            .query(Long.class)
            .single();
        assertThat(unverifiedCents).isGreaterThanOrEqualTo(500_000);
        this.unverified.count(brand, true, "test");
        try {
            assertThat(revenueCents(campaign)).as("counted once the brand opts in").isEqualTo(before + unverifiedCents);
        }
        finally {
            this.unverified.count(brand, false, "test");
        }
    }

    /** Issue 16, finding 3: 12 conversions on one click made 1,200 % per click. */
    @Test
    void theBrowserReportsOneConversionPerClickAndEvent() throws Exception {
        String click = clickedLinkToken(5007, RedirectIT.PHONE);

        for (int order = 1; order <= 12; order++) {
            assertThat(browserReport("{\"clickId\":\"" + click + "\",\"event\":\"sale\",\"value\":\"10\","
                    + "\"currency\":\"USD\",\"orderId\":\"M-" + click + "-" + order + "\"}")
                .statusCode()).isEqualTo(204);
        }
        browserReport("{\"clickId\":\"" + click + "\",\"event\":\"lead\",\"orderId\":\"L-" + click + "\"}");

        assertThat(this.jdbc
            .sql("select event, count(*) from conversion where reported_click_id = :click group by event order by 1")
            .param("click", this.tokens.verify(click).orElseThrow())
            .query((row, n) -> row.getString(1) + "=" + row.getLong(2))
            .list()).containsExactly("lead=1", "sale=1");
    }

    /** Issue 16, finding 3: order ids that differ in case or by a zero-width space. */
    @Test
    void orderIdsThatDifferOnlyInCaseWidthOrInvisibleCharactersAreOneOrder() {
        long click = clickedLink(5008, RedirectIT.PHONE);
        String suffix = "-" + System.nanoTime();

        ConversionView first = this.conversions.record(sale(click, "ORDER" + suffix, null), Conversions.Source.SERVER);
        for (String variant : List.of("order" + suffix, "order\u200b" + suffix,
                "\uff2f\uff32\uff24\uff25\uff32" + suffix, " Order\u00ad" + suffix + " ")) {
            ConversionView again = this.conversions.record(sale(click, variant, null), Conversions.Source.SERVER);
            assertThat(again.duplicate()).as(variant).isTrue();
            assertThat(again.id()).isEqualTo(first.id());
        }
    }

    /**
     * Issue 16, finding 7: click ids were time-based and /t/conversions answered 204 for
     * a known click and 404 for an unknown one.
     */
    @Test
    void guessedClickIdsAreNotAcceptedAndTheAnswerTellsNothing() throws Exception {
        String token = clickedLinkToken(5009, RedirectIT.PHONE);
        long id = this.tokens.verify(token).orElseThrow();
        String forged = token.substring(0, 12) + (token.charAt(12) == 'A' ? 'B' : 'A') + token.substring(13);
        String neighbour = this.tokens.of(id + 1024).substring(0, 16) + token.substring(16);

        int valid = browserReport(report(token, "O-" + id)).statusCode();
        for (String guess : List.of(Long.toString(id), Long.toString(id + 1024), forged, neighbour,
                "AAAAAAAAAAAAAAAAAAAAAAAA", "")) {
            assertThat(browserReport(report(guess, "G-" + id + guess)).statusCode()).as(guess).isEqualTo(valid);
        }
        assertThat(valid).isEqualTo(204);
        assertThat(this.jdbc.sql("select count(*) from conversion where order_id like :order")
            .param("order", "g-" + id + "%")
            .query(Long.class)
            .single()).as("nothing recorded for a guessed click").isZero();
        assertThat(this.jdbc.sql("select count(*) from conversion where order_id = :order")
            .param("order", "o-" + id)
            .query(Long.class)
            .single()).isOne();
    }

    private static String report(String clickId, String orderId) {
        return "{\"clickId\":\"" + clickId + "\",\"event\":\"sale\",\"value\":\"1\",\"currency\":\"USD\","
                + "\"orderId\":\"" + orderId + "\"}";
    }

    private HttpResponse<String> browserReport(String body) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/t/conversions"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://shop.example")
                .header("X-Forwarded-For", this.client)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The campaign's counted revenue in cents, through the one definition. */
    private long revenueCents(long campaign) {
        return this.conversions.countsByVariant(campaign).values().stream().mapToLong((c) -> c[1]).sum();
    }

}
