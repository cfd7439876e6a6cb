package org.smscampaign.web.segment;

import java.util.concurrent.ThreadLocalRandom;

import org.smscampaign.link.Brands;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sent campaign whose funnel is known by hand, with six people of its own: Q1 clicked
 * and bought; Q2 clicked, did not buy; Q3 only a link preview bot opened the link; Q4 did
 * not click and asked a question; Q5 was not delivered; Q6 did not click, replied and
 * redeemed a coupon in a shop (no click). So: delivered not clicked 3, clicked 2, clicked
 * not bought 1, bought 2, replied 2, replied not bought 1, asked 1, not delivered 1.
 */
public final class EngagedCampaign {

    public final long campaign;

    public final String name;

    public final String firstName;

    private final JdbcClient jdbc;

    private final long brand;

    private final String phones;

    public EngagedCampaign(JdbcClient jdbc, Brands brands) {
        this.jdbc = jdbc;
        this.brand = brands.defaultBrand().id();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.firstName = "Eng" + random.nextInt(100_000_000);
        // As long as real names get: pickers showing it must still fit a phone.
        this.name = "Spring sale on running shoes and outdoor gear " + this.firstName;
        this.phones = "+4917" + String.format("%08d", random.nextInt(100_000_000));
        this.campaign = jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, evaluation_days, attribution_days)
                values (:name, 'COMPLETED', 'default', 'test', 'test', now() - interval '1 day',
                    now() - interval '1 day', 6, 6, 7, 7)
                returning id""").param("name", this.name).query(Long.class).single();
        jdbc.sql("insert into campaign_variant values (:id, 'A', 'Spring sale', 100)")
            .param("id", this.campaign)
            .update();
        long q1 = contact(1);
        long q2 = contact(2);
        long q3 = contact(3);
        long q4 = contact(4);
        long q5 = contact(5);
        long q6 = contact(6);
        long link1 = link(q1, message(q1, "DELIVERED"));
        hit(link1, true);
        conversion(q1, link1, "SERVER", null);
        hit(link(q2, message(q2, "DELIVERED")), true);
        hit(link(q3, message(q3, "DELIVERED")), false);
        link(q4, message(q4, "DELIVERED"));
        reply(q4, "QUERY");
        message(q5, "UNDELIVERED");
        link(q6, message(q6, "DELIVERED"));
        reply(q6, "OTHER");
        conversion(q6, null, "IMPORT", "SPRING-" + this.firstName);
    }

    private long contact(int n) {
        return this.jdbc.sql("""
                insert into contact (phone_number, phone_type, first_name, time_zone, consent_status)
                values (:phone, 'MOBILE', :name, 'Europe/Berlin', 'SUBSCRIBED') returning id""")
            .param("phone", this.phones + n)
            .param("name", this.firstName)
            .query(Long.class)
            .single();
    }

    private long message(long contact, String status) {
        return this.jdbc.sql("""
                insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender,
                    to_number, body, segments, status, due_at, sent_at, final_at)
                values (:key, :campaign, :contact, 'A', 'SMS', 'default', '+4917600000000', 'Spring sale', 1, :status,
                    now() - interval '1 day', now() - interval '1 day', now() - interval '1 day')
                returning id""")
            .param("key", "engaged:" + System.nanoTime())
            .param("campaign", this.campaign)
            .param("contact", contact)
            .param("status", status)
            .query(Long.class)
            .single();
    }

    private long link(long contact, long message) {
        return this.jdbc
            .sql("""
                    insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, message_id)
                    values (:code, :brand, 'https://shop.example/spring', :campaign, :contact, 'A', :message) returning id""")
            .param("code", "g" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", this.brand)
            .param("campaign", this.campaign)
            .param("contact", contact)
            .param("message", message)
            .query(Long.class)
            .single();
    }

    private void hit(long link, boolean human) {
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                values ((select coalesce(max(id), 0) + 1 from link_click), :link, now() - interval '20 hours', 'GET',
                    :human, :reason, true)""")
            .param("link", link)
            .param("human", human)
            .param("reason", human ? null : "PREVIEW")
            .update();
    }

    private void conversion(long contact, Long link, String source, String coupon) {
        this.jdbc.sql("""
                insert into conversion (event, value, currency, occurred_at, source, link_id, attributed, campaign_id,
                    contact_id, variant, coupon_code)
                values ('purchase', 40, 'USD', now() - interval '19 hours', :source, :link, true, :campaign, :contact,
                    'A', :coupon)""")
            .param("source", source)
            .param("link", link)
            .param("campaign", this.campaign)
            .param("contact", contact)
            .param("coupon", coupon)
            .update();
    }

    private void reply(long contact, String kind) {
        this.jdbc.sql("""
                insert into inbound_message (from_number, body, kind, classified_kind, campaign_id, contact_id,
                    received_at)
                values ('+4917600000001', 'When does it end?', :kind, :kind, :campaign, :contact,
                    now() - interval '18 hours')""")
            .param("kind", kind)
            .param("campaign", this.campaign)
            .param("contact", contact)
            .update();
    }

}
