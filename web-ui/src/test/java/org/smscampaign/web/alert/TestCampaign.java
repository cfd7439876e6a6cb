package org.smscampaign.web.alert;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign sending now, written straight into the tables: its messages with the
 * statuses a test needs, owned by the demo marketer.
 */
public final class TestCampaign {

    private final JdbcClient jdbc;

    private final long id;

    private final String name;

    public TestCampaign(JdbcClient jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name + " " + System.nanoTime();
        Instant now = Instant.now();
        this.id = jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, evaluation_days, attribution_days)
                values (:name, 'SENDING', 'default', 'demo-marketer', 'demo-marketer', :at, :at, 10, 10, 7, 7)
                returning id""").param("name", this.name).param("at", Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("insert into campaign_variant values (:id, 'A', 'Hi {{link:https://shop.example/sale}}', 100)")
            .param("id", this.id)
            .update();
    }

    /** Adds messages in a final status, sent a minute ago. */
    public TestCampaign messages(String status, int count) {
        for (int i = 0; i < count; i++) {
            this.jdbc.sql("""
                    insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender,
                        to_number, body, segments, status, due_at, provider_sid, estimated_cost, cost_currency, sent_at,
                        final_at)
                    values (:key, :campaign, 1, 'A', 'SMS', 'default', '+4917600000000', 'Hi', 1, :status, :at,
                        :sid, 0.0865, 'USD', :at, :at)""")
                .param("key", "alerts:" + System.nanoTime())
                .param("campaign", this.id)
                .param("status", status)
                .param("at", Timestamp.from(Instant.now().minusSeconds(60)))
                .param("sid", "SM" + System.nanoTime())
                .update();
        }
        return this;
    }

    /**
     * The carrier delivered the undelivered ones after all (as a test rewrites history).
     */
    public void deliverAll() {
        this.jdbc.sql("update outbound_message set status = 'DELIVERED' where campaign_id = :id")
            .param("id", this.id)
            .update();
    }

    public long id() {
        return this.id;
    }

    public String name() {
        return this.name;
    }

}
