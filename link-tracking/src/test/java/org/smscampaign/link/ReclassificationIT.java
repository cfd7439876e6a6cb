package org.smscampaign.link;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.click.ClickTokens;
import org.smscampaign.link.rollup.ClickRollups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An admin's addition changes what counts as a person: hits written from then on follow
 * at once, stored ones when the admin reclassifies their days, and so do the click
 * figures and the attribution of conversions.
 */
@LinkTrackingIT
class ReclassificationIT {

    /** A bank's in-app browser that the sources take for a crawler. */
    static final String BANK_APP = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 AcmeBankApp/5.2 (in-app browser; crawler-free)";

    /** The company's own uptime monitor, with a browser's agent. */
    static final String MONITOR = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/125.0.0.0 Mobile Safari/537.36 AcmeWatch/1.0";

    private static int nextClient = 10;

    @LocalServerPort
    int port;

    @Autowired
    ClickTokens tokens;

    @Autowired
    ShortLinks links;

    @Autowired
    LinkDeliveries deliveries;

    @Autowired
    Conversions conversions;

    @Autowired
    ClickClassification classification;

    @Autowired
    ClickReclassifications reclassifications;

    @Autowired
    ClickRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void withoutAdditions() {
        this.classification.remove("AcmeBankApp/");
        this.classification.remove("AcmeWatch/");
    }

    @Test
    void storedHitsFollowTheRulesOfTheirDayWhenReclassified() {
        long campaign = 880_000 + System.nanoTime() % 10_000;
        long message = 660_000 + System.nanoTime() % 10_000;
        List<MintedLink> minted = this.links.mint(List.of(
                new RecipientLinkRequest("https://shop.example/", null, campaign, message, "A", message, "winter", 7),
                new RecipientLinkRequest("https://shop.example/", null, campaign, message + 1, "A", message + 1,
                        "winter", 7)));
        MintedLink link = minted.get(0);
        MintedLink early = minted.get(1);
        this.deliveries.delivered(message, Instant.now().minus(Duration.ofHours(1)), "Europe/Berlin");
        this.deliveries.delivered(message + 1, Instant.now().plus(Duration.ofHours(1)), "Europe/Berlin");
        long phoneClick = hit(link, RedirectIT.PHONE);
        long monitorClick = hit(link, MONITOR);
        long appClick = hit(link, BANK_APP);
        long appBeforeDelivery = hit(early, BANK_APP);
        await("every hit is stored", () -> stored(phoneClick, monitorClick, appClick, appBeforeDelivery));
        ConversionView sale = this.conversions.record(new ConversionRequest(null, link.code(), "sale",
                new BigDecimal("30.00"), "EUR", "R-" + System.nanoTime(), null), Conversions.Source.SERVER);
        assertThat(sale.clickId()).as("the last human click before the change").isEqualTo(monitorClick);
        assertThat(reasonOf(appClick)).isEqualTo("BOT");
        assertThat(reasonOf(monitorClick)).isNull();

        this.classification.add("HUMAN", "AcmeBankApp/", "admin");
        this.classification.add("BOT", "AcmeWatch/", "admin");
        long liveAppClick = hit(link, BANK_APP);
        await("the new hit is stored", () -> stored(liveAppClick));
        assertThat(reasonOf(liveAppClick)).as("hits written after the addition follow at once").isNull();
        assertThat(reasonOf(appClick)).as("stored hits wait for a reclassification").isEqualTo("BOT");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReclassificationView started = this.reclassifications.start(today, today, "admin");
        assertThat(started.requestedBy()).isEqualTo("admin");
        ReclassificationView done = finished(started.id());

        assertThat(done.status()).isEqualTo("DONE");
        assertThat(reasonOf(phoneClick)).isNull();
        assertThat(reasonOf(appBeforeDelivery)).as("a person now, but before delivery").isEqualTo("BEFORE_DELIVERY");
        assertThat(reasonOf(monitorClick)).isEqualTo("BOT");
        assertThat(reasonOf(appClick)).isNull();
        assertThat(done.hitsExamined()).isGreaterThanOrEqualTo(5);
        assertThat(done.toPerson()).isGreaterThanOrEqualTo(1);
        assertThat(done.toNotPerson()).isGreaterThanOrEqualTo(1);
        assertThat(done.conversionsChanged()).isGreaterThanOrEqualTo(1);
        assertThat(conversion(sale.id())).containsEntry("attributed", true)
            .containsEntry("click_id", appClick)
            .containsEntry("campaign_id", campaign);

        this.rollups.refresh(campaign);
        Map<String, Object> figures = this.jdbc.sql("""
                select sum(hits) as hits, sum(human_hits) as human from campaign_click_hour where campaign_id = :id""")
            .param("id", campaign)
            .query()
            .singleRow();
        assertThat(figures).containsEntry("hits", new BigDecimal(5)).containsEntry("human", new BigDecimal(3));
    }

    @Test
    void aReclassificationWithoutChangesChangesNothing() {
        ShortLinkView plain = this.links
            .create(new PlainLinkRequest("https://shop.example/", "again", null, null, null, null), "test");
        MintedLink link = new MintedLink(plain.id(), plain.code(), plain.shortUrl());
        long click = hit(link, RedirectIT.PHONE);
        await("the hit is stored", () -> stored(click));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        ReclassificationView first = finished(this.reclassifications.start(today.minusDays(1), today, "admin").id());
        ReclassificationView second = finished(this.reclassifications.start(today.minusDays(1), today, "admin").id());

        assertThat(first.status()).isEqualTo("DONE");
        assertThat(second.toPerson() + second.toNotPerson()).as("the first left nothing to change").isZero();
        assertThat(second.hitsExamined()).isGreaterThanOrEqualTo(1);
        assertThat(this.reclassifications.recent(2)).extracting(ReclassificationView::id)
            .containsExactly(second.id(), first.id());
    }

    @Test
    void aRangeMustBeDaysThatWereAndOneRunsAtATime() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> this.reclassifications.start(today, today.minusDays(1), "admin"))
            .withMessageContaining("before");
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> this.reclassifications.start(today.plusDays(1), today.plusDays(2), "admin"))
            .withMessageContaining("future");
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> this.reclassifications.start(today.minusDays(400), today, "admin"))
            .withMessageContaining("366");
        long elsewhere = this.jdbc.sql("""
                insert into click_reclassification (requested_by, from_day, to_day, next_day, status, heartbeat_at)
                values ('other-instance', :day, :day, :day, 'RUNNING', now()) returning id""")
            .param("day", today)
            .query(Long.class)
            .single();
        try {
            assertThatExceptionOfType(LinkProblem.class)
                .isThrownBy(() -> this.reclassifications.start(today, today, "admin"))
                .satisfies((problem) -> assertThat(problem.kind()).isEqualTo(LinkProblem.Kind.CONFLICT));
        }
        finally {
            this.jdbc.sql("delete from click_reclassification where id = :id").param("id", elsewhere).update();
        }
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> this.reclassifications.get(987_654_321))
            .satisfies((problem) -> assertThat(problem.kind()).isEqualTo(LinkProblem.Kind.NOT_FOUND));
    }

    private long hit(MintedLink link, String agent) {
        RawHttp.fromClient("192.0.2." + (nextClient++ % 250));
        String location = RawHttp.get(this.port, "/r/" + link.code(), agent).header("Location");
        return this.tokens.verify(location.replaceAll(".*smsclid=([A-Za-z0-9_-]+).*", "$1")).orElseThrow();
    }

    private boolean stored(long... clicks) {
        return this.jdbc.sql("select count(*) from link_click where id = any(:ids)")
            .param("ids", clicks)
            .query(Long.class)
            .single() == clicks.length;
    }

    private String reasonOf(long click) {
        return this.jdbc.sql("select coalesce(reason, '') from link_click where id = :id")
            .param("id", click)
            .query(String.class)
            .single()
            .transform((reason) -> reason.isEmpty() ? null : reason);
    }

    private Map<String, Object> conversion(long id) {
        return this.jdbc.sql("select * from conversion where id = :id").param("id", id).query().singleRow();
    }

    private ReclassificationView finished(long id) {
        await("reclassification " + id + " finishes", () -> !this.reclassifications.get(id).open());
        return this.reclassifications.get(id);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
