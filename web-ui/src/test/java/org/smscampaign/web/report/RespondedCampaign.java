package org.smscampaign.web.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.smscampaign.link.Brands;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign with many responses and few sales: 20 delivered messages; 8 numbers respond
 * (a keyword, 3 queries, other texts), besides a STOP and a HELP that are no responses; 2
 * of the 3 queries answered after 20 and 40 minutes (median 30 min), 1 waiting; 1
 * responder buys within the window. 4 people click and 2 of them buy. By hand: response
 * rate 40 %, query rate 15 %, answer rate 66.7 %, responders who bought 12.5 %, clickers
 * who bought 50 %.
 */
public final class RespondedCampaign {

    private final JdbcClient jdbc;

    private final long campaign;

    private final long contactBase = -ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000_000L) * 100;

    private final String numberBase = "+4916" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

    public RespondedCampaign(JdbcClient jdbc, Brands brands) {
        this.jdbc = jdbc;
        Instant launched = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        this.campaign = jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, evaluation_days, attribution_days)
                values ('Many responses ' || :n, 'COMPLETED', 'default', 'test', 'test', :at, :at, 20, 20, 7, 7)
                returning id""")
            .param("n", this.numberBase)
            .param("at", Timestamp.from(launched))
            .query(Long.class)
            .single();
        jdbc.sql("insert into campaign_variant values (:id, 'A', 'Hi A', 100)").param("id", this.campaign).update();
        jdbc.sql("insert into campaign_goal (campaign_id, metric, target) values (:id, 'RESPONSES', 5), "
                + "(:id, 'QUERIES', 5)")
            .param("id", this.campaign)
            .update();
        Instant t = launched.plus(Duration.ofMinutes(5));
        long[] m = new long[21];
        for (int i = 1; i <= 20; i++) {
            m[i] = message(i, t);
        }
        inbound(1, m[1], "SHOES", "KEYWORD", t.plus(Duration.ofHours(1)), null);
        inbound(2, m[2], "Do you have size 44?", "QUERY", t.plus(Duration.ofHours(1)), Duration.ofMinutes(20));
        inbound(3, m[3], "Call me", "QUERY", t.plus(Duration.ofHours(2)), Duration.ofMinutes(40));
        inbound(4, m[4], "When does it end?", "QUERY", t.plus(Duration.ofHours(3)), null);
        for (int i = 5; i <= 8; i++) {
            inbound(i, m[i], "Thanks", "OTHER", t.plus(Duration.ofHours(i)), null);
        }
        inbound(9, m[9], "STOP", "OPT_OUT", t.plus(Duration.ofHours(1)), null);
        inbound(10, m[10], "HELP", "HELP", t.plus(Duration.ofHours(1)), null);
        conversion(5, t.plus(Duration.ofHours(6)));
        long brand = brands.defaultBrand().id();
        for (int i : new int[] { 11, 12, 13, 14 }) {
            hit(link(brand, m[i], i), t.plus(Duration.ofMinutes(30)));
        }
        conversion(11, t.plus(Duration.ofHours(1)));
        conversion(12, t.plus(Duration.ofHours(1)));
    }

    public long campaign() {
        return this.campaign;
    }

    /** The number of recipient i (1 to 20; 11 to 20 have not texted back). */
    public String number(int i) {
        return this.numberBase + String.format("%02d", i);
    }

    private long contact(int i) {
        return this.contactBase - i;
    }

    private long message(int i, Instant at) {
        String key = "responded:" + System.nanoTime();
        return this.jdbc
            .sql("""
                    insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender, to_number,
                        body, segments, status, due_at, provider_sid, price, estimated_cost, sent_at, final_at)
                    values (:key, :campaign, :contact, 'A', 'SMS', 'default', :to, 'Hi', 1, 'DELIVERED', :at, :sid,
                        0.05, 0.05, :at, :at)
                    returning id""")
            .param("key", key)
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .param("to", number(i))
            .param("at", Timestamp.from(at))
            .param("sid", "SM" + key.hashCode())
            .query(Long.class)
            .single();
    }

    private void inbound(int i, long message, String body, String kind, Instant at, Duration answeredAfter) {
        this.jdbc.sql("""
                insert into inbound_message (from_number, body, kind, classified_kind, message_id, campaign_id,
                    contact_id, received_at, answered_at)
                values (:from, :body, :kind, :kind, :message, :campaign, :contact, :at, :answered)""")
            .param("from", number(i))
            .param("body", body)
            .param("kind", kind)
            .param("message", message)
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .param("at", Timestamp.from(at))
            .param("answered", (answeredAfter != null) ? Timestamp.from(at.plus(answeredAfter)) : null)
            .update();
    }

    private void conversion(int i, Instant at) {
        this.jdbc
            .sql("""
                    insert into conversion (event, value, currency, occurred_at, source, attributed, campaign_id, contact_id)
                    values ('sale', 20, 'USD', :at, 'SERVER', true, :campaign, :contact)""")
            .param("at", Timestamp.from(at))
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .update();
    }

    private long link(long brand, long message, int i) {
        return this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, message_id)
                values (:code, :brand, 'https://shop.example/sale', :campaign, :contact, 'A', :message)
                returning id""")
            .param("code", "q" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", brand)
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .param("message", message)
            .query(Long.class)
            .single();
    }

    private void hit(long link, Instant at) {
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                values (:id, :link, :at, 'GET', true, null, false)""")
            .param("id", ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE))
            .param("link", link)
            .param("at", Timestamp.from(at))
            .update();
    }

}
