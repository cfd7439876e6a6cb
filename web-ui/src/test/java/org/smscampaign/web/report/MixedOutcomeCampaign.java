package org.smscampaign.web.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.link.Brands;
import org.smscampaign.money.ExchangeRates;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A launched campaign of one day (a day of its own, before the demo campaigns that send
 * today) with every kind of outcome: delivered messages priced by the provider in USD and
 * EUR or only estimated, one undelivered, one failed after the provider took it and one
 * refused, one suppressed; people, a preview, a bot and a repeat click; conversions in
 * USD, EUR (a rate is set) and JPY (none); a fixed cost and a cost per conversion. By
 * hand: sent 6, delivered 5, failed 2, undelivered 1, suppressed 1, human clickers 3,
 * conversions 3, message cost 0.52, cost 19.02, revenue 82.90 (4,000 JPY apart), profit
 * 63.88. Also one unverified browser report of 999,999,999 JPY, which the brand does not
 * count: in none of the figures.
 */
public final class MixedOutcomeCampaign {

    private final JdbcClient jdbc;

    private final Brands brands;

    private final long campaign;

    private final LocalDate day;

    private final long firstLink;

    private final long firstClick;

    private final Instant bought;

    private final long unclicked;

    public MixedOutcomeCampaign(JdbcClient jdbc, Brands brands, CampaignManagement campaigns, ExchangeRates rates) {
        this.jdbc = jdbc;
        this.brands = brands;
        // A day of its own, before the demo campaigns that send today.
        this.day = LocalDate.now(ZoneOffset.UTC).minusDays(3 + ThreadLocalRandom.current().nextInt(300));
        Instant launched = this.day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        // Valid from that very day: no other rate (the demo's, another fixture's) can be
        // the latest on it.
        rates.set("EUR", this.day, new BigDecimal("1.10"), "test");
        this.campaign = this.jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, evaluation_days, attribution_days)
                values ('Figures everywhere ' || :day, 'COMPLETED', 'default', 'test', 'test', :at, :at, 11, 11, 1, 7)
                returning id""")
            .param("day", this.day.toString())
            .param("at", Timestamp.from(launched))
            .query(Long.class)
            .single();
        this.jdbc.sql("insert into campaign_variant values (:id, 'A', 'Hi A', 100)")
            .param("id", this.campaign)
            .update();
        this.jdbc.sql("insert into campaign_goal values (:id, 'REVENUE', 50)").param("id", this.campaign).update();
        campaigns.changeCosts(this.campaign,
                List.of(new CampaignDraft.Cost("Agency fee", CampaignDraft.CostKind.FIXED, new BigDecimal("12.50")),
                        new CampaignDraft.Cost("Coupon", CampaignDraft.CostKind.PER_CONVERSION, new BigDecimal("2"))),
                "test");
        Instant sent = launched.plus(Duration.ofHours(1));
        long[] delivered = { message("DELIVERED", "0.0865", "USD", sent), message("DELIVERED", "0.0865", "USD", sent),
                message("DELIVERED", null, null, sent), message("DELIVERED", "0.0800", "EUR", sent),
                message("DELIVERED", "0.0865", "USD", sent) };
        message("UNDELIVERED", "0.0865", "USD", sent);
        message("FAILED", "0", "USD", sent); // taken, then failed: the provider charged
                                             // nothing
        message("FAILED", null, null, null); // refused: never taken
        message("SUPPRESSED", null, null, null);
        Instant click = sent.plus(Duration.ofMinutes(30));
        long first = link(delivered[0]);
        long clickId = hit(first, click, true, null);
        hit(first, click.plus(Duration.ofMinutes(5)), true, null); // a repeat: one
                                                                   // clicker
        hit(first, sent.plusSeconds(2), false, "PREVIEW");
        long second = link(delivered[1]);
        long secondClick = hit(second, click, true, null);
        long third = link(delivered[2]);
        long thirdClick = hit(third, click, true, null);
        hit(link(delivered[3]), click, false, "BOT");
        Instant bought = click.plus(Duration.ofHours(1));
        conversion(clickId, first, "49.90", "USD", bought);
        conversion(secondClick, second, "30.00", "EUR", bought);
        conversion(thirdClick, third, "4000", "JPY", bought);
        this.unclicked = delivered[4];
        this.firstLink = first;
        this.firstClick = clickId;
        this.bought = bought;
        this.jdbc
            .sql("""
                    insert into conversion (event, value, currency, order_id, occurred_at, source, click_id, link_id,
                        attributed, campaign_id, contact_id, variant, reported_click_id)
                    values ('sale', 999999999, 'JPY', :order, :at, 'BROWSER', :click, :link, true, :campaign, 1, 'A', :click)""")
            .param("order", "forged-" + this.campaign)
            .param("at", Timestamp.from(bought))
            .param("click", clickId)
            .param("link", first)
            .param("campaign", this.campaign)
            .update();
    }

    /**
     * Adds what a dashboard flags: 12 more sales of 10 USD on the first click (more
     * conversions than clickers) and one of 5,000 USD (far above the median).
     */
    public void inflate() {
        for (int i = 0; i < 12; i++) {
            conversion(this.firstClick, this.firstLink, "10", "USD", this.bought);
        }
        conversion(this.firstClick, this.firstLink, "5000", "USD", this.bought);
    }

    /**
     * A person taps the link of the one delivered message nobody had clicked: 4 human
     * clickers of 5 delivered from now on (80 % human CTR instead of 60 %).
     */
    public void lateHumanClick() {
        hit(link(this.unclicked), Instant.now(), true, null);
    }

    private long message(String status, String price, String unit, Instant sentAt) {
        boolean taken = sentAt != null;
        return this.jdbc
            .sql("""
                    insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender, to_number,
                        body, segments, status, due_at, provider_sid, price, price_unit, estimated_cost, cost_currency,
                        sent_at, final_at)
                    values (:key, :campaign, 1, 'A', 'SMS', 'default', '+4917600000000', 'Hi A', 1, :status, :due, :sid,
                        cast(:price as numeric), :unit, 0.0865, 'USD', :sent, :final)
                    returning id""")
            .param("key", "figures:" + System.nanoTime())
            .param("campaign", this.campaign)
            .param("status", status)
            .param("due", Timestamp.from(this.day.atTime(10, 0).toInstant(ZoneOffset.UTC)))
            .param("sid", taken ? "SM" + System.nanoTime() : null)
            .param("price", price)
            .param("unit", unit)
            .param("sent", taken ? Timestamp.from(sentAt) : null)
            .param("final", Timestamp.from(this.day.atTime(10, 5).toInstant(ZoneOffset.UTC)))
            .query(Long.class)
            .single();
    }

    private long link(long message) {
        return this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, message_id)
                values (:code, :brand, 'https://shop.example/sale', :campaign, 1, 'A', :message) returning id""")
            .param("code", "f" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", this.brands.defaultBrand().id())
            .param("campaign", this.campaign)
            .param("message", message)
            .query(Long.class)
            .single();
    }

    private long hit(long link, Instant at, boolean human, String reason) {
        long id = ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                values (:id, :link, :at, 'GET', :human, :reason, false)""")
            .param("id", id)
            .param("link", link)
            .param("at", Timestamp.from(at))
            .param("human", human)
            .param("reason", reason)
            .update();
        return id;
    }

    private void conversion(long click, long link, String value, String currency, Instant at) {
        this.jdbc
            .sql("""
                    insert into conversion (event, value, currency, occurred_at, source, click_id, link_id, attributed,
                        campaign_id, contact_id, variant)
                    values ('sale', cast(:value as numeric), :currency, :at, 'SERVER', :click, :link, true, :campaign, 1, 'A')""")
            .param("value", value)
            .param("currency", currency)
            .param("at", Timestamp.from(at))
            .param("click", click)
            .param("link", link)
            .param("campaign", this.campaign)
            .update();
    }

    public long campaign() {
        return this.campaign;
    }

    /** The day (UTC) everything happened on. */
    public LocalDate day() {
        return this.day;
    }

}
