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

    @BeforeEach
    void ownClientAddress() {
        RawHttp.fromClient("203.0.113." + (nextClient++));
    }

    /** A recipient link clicked once with the given agent; returns the click id. */
    private long clickedLink(long contactId, String userAgent) {
        MintedLink link = this.links
            .mint(List
                .of(new RecipientLinkRequest("https://shop.example/", null, 77, contactId, "B", null, "autumn", 7)))
            .get(0);
        String location = RawHttp.get(this.port, "/r/" + link.code(), userAgent).header("Location");
        long clickId = Long.parseLong(location.replaceAll(".*smsclid=(\\d+).*", "$1"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(2));
        while (Instant.now().isBefore(deadline) && this.jdbc.sql("select count(*) from link_click where id = :id")
            .param("id", clickId)
            .query(Long.class)
            .single() == 0) {
            Thread.onSpinWait();
        }
        return clickId;
    }

    private static ConversionRequest sale(Long clickId, String orderId, Instant at) {
        return new ConversionRequest(clickId, null, "sale", new BigDecimal("49.90"), "eur", orderId, at);
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
        assertThat(this.jdbc.sql("select count(*) from conversion where order_id = :order")
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
    void theLandingPageScriptReportsConversionsCorsSafely() throws Exception {
        long click = clickedLink(5005, RedirectIT.PHONE);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> script = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/t/sms.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("smsclid", "smsTrack");

        HttpResponse<String> report = http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/t/conversions"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clickId\":\"" + click
                        + "\",\"event\":\"sale\",\"value\":\"19.99\",\"currency\":\"EUR\",\"orderId\":\"W-" + click
                        + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(204);
        assertThat(report.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(this.jdbc.sql("select attributed from conversion where order_id = :order")
            .param("order", "W-" + click)
            .query(Boolean.class)
            .single()).isTrue();

        HttpResponse<String> unknown = http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/t/conversions"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clickId\":\"12345\",\"event\":\"sale\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

}
