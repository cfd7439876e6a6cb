package org.smscampaign.messaging.rollup;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.smscampaign.MessagingIT;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.pricing.PriceFetcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.smscampaign.messaging.Fixtures.await;
import static org.smscampaign.messaging.Fixtures.campaign;
import static org.smscampaign.messaging.Fixtures.key;
import static org.smscampaign.messaging.Fixtures.number;

/**
 * What changes a campaign's message figures marks it durably, or leaves a trace the sweep
 * finds: a restarted instance (a new bean, nothing in memory) re-rolls read receipts and
 * fetched prices, also once the campaign has no open message; a recompute that dies keeps
 * the mark; re-rolling twice changes nothing.
 */
@MessagingIT
@TestPropertySource(properties = { "sms.messaging.dispatch.enabled=false", "sms.messaging.simulator.callbacks=false",
        "sms.messaging.dispatch.reconcile-after=0s" })
class MessageRollupMarksIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MessagingProperties properties;

    @Autowired
    MessageRollups rollups;

    @Autowired
    PriceFetcher prices;

    private final long campaign = campaign();

    private MessageRollups restarted() {
        return new MessageRollups(this.jdbc, this.transaction, this.properties, Duration.ofMinutes(2));
    }

    @Test
    void aReadReceiptStoredBeforeACrashIsReRolledAfterTheRestart() {
        long id = delivered("SMread" + System.nanoTime());
        assertThat(this.rollups.refresh(this.campaign)).isTrue();
        assertThat(read()).isZero();
        assertThat(openMessages()).as("nothing in flight any more").isZero();

        // Only the read receipt's own statement committed: the process died before
        // anything in memory was told.
        this.jdbc.sql("""
                with marked as (update outbound_message set read_at = now() where id = :id returning id)
                insert into message_event (message_id, status, detail, source)
                select id, 'DELIVERED', 'read by the recipient', 'PROVIDER' from marked""").param("id", id).update();

        MessageRollups fresh = restarted();
        // The app's own jobs may hold the campaign's lock a moment: the next run takes
        // it.
        await(Duration.ofSeconds(30), "the read re-rolled", () -> {
            fresh.sweep();
            return read() == 1 && !dirty();
        });
        // Again (the sweep reads each event twice): the same figures.
        MessageRollups again = restarted();
        await(Duration.ofSeconds(30), "the second pass done", () -> {
            again.sweep();
            return !dirty();
        });
        assertThat(read()).as("the same figures again").isEqualTo(1);
    }

    @Test
    void aFetchedPriceMarksItsCampaignWithItAndARestartReRollsIt() {
        String sid = "SMprice" + System.nanoTime();
        long id = delivered(sid);
        this.jdbc.sql("""
                insert into simulator_message (sid, message_id, to_number, from_sender, body, price, price_unit)
                values (:sid, :id, :to, 'fast', 'Hello', 0.0421, 'USD')""")
            .param("sid", sid)
            .param("id", id)
            .param("to", number())
            .update();
        assertThat(this.rollups.refresh(this.campaign)).isTrue();
        assertThat(costSource()).isEqualTo("ESTIMATE");

        await(Duration.ofSeconds(30), "the price fetched", () -> {
            this.prices.fetch();
            return this.jdbc.sql("select price is not null from outbound_message where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
        });

        assertThat(this.jdbc.sql("""
                select s.dirty or exists (select 1 from campaign_message_cost c
                                          where c.campaign_id = s.campaign_id and c.source = 'PROVIDER')
                from message_rollup_state s where s.campaign_id = :id""")
            .param("id", this.campaign)
            .query(Boolean.class)
            .single()).as("marked with the price (or already re-rolled)").isTrue();

        MessageRollups fresh = restarted();
        await(Duration.ofSeconds(30), "the price re-rolled", () -> {
            fresh.run();
            return "PROVIDER".equals(costSource()) && !dirty();
        });
        assertThat(cost()).isEqualByComparingTo("0.0421");
        fresh.run();
        assertThat(cost()).isEqualByComparingTo("0.0421");
    }

    @Test
    void aRecomputeThatDiesKeepsTheMark() {
        delivered("SMdies" + System.nanoTime());
        this.transaction.executeWithoutResult((status) -> this.rollups.markDirty(java.util.List.of(this.campaign)));
        MessageRollups dying = new MessageRollups(this.jdbc, this.transaction, this.properties, Duration.ofMinutes(2)) {
            @Override
            void recompute(long campaignId) {
                throw new IllegalStateException("the process died here");
            }
        };

        assertThatIllegalStateException().isThrownBy(() -> dying.refresh(this.campaign));

        assertThat(this.jdbc.sql("""
                select dirty or refreshed_at is not null from message_rollup_state where campaign_id = :id""")
            .param("id", this.campaign)
            .query(Boolean.class)
            .single()).as("still marked (or re-rolled by the app since)").isTrue();
        MessageRollups fresh = restarted();
        await(Duration.ofSeconds(30), "the campaign re-rolled", () -> {
            fresh.run();
            return !dirty();
        });
        assertThat(this.jdbc.sql("select sum(messages) from campaign_message_total where campaign_id = :id")
            .param("id", this.campaign)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    /** A delivered SMS of the campaign, priced by the table only. */
    private long delivered(String sid) {
        return this.jdbc
            .sql("""
                    insert into outbound_message (idempotency_key, campaign_id, variant, channel, sender, to_number, body,
                        segments, status, due_at, sending_at, sent_at, final_at, provider_sid, estimated_cost, cost_currency)
                    values (:key, :campaign, 'A', 'SMS', 'fast', :to, 'Hello', 1, 'DELIVERED', now() - interval '5 minutes',
                        now() - interval '5 minutes', now() - interval '5 minutes', now() - interval '4 minutes', :sid,
                        0.05, 'USD')
                    returning id""")
            .param("key", key())
            .param("campaign", this.campaign)
            .param("to", number())
            .param("sid", sid)
            .query(Long.class)
            .single();
    }

    private long read() {
        return this.jdbc.sql("select coalesce(sum(read), 0) from campaign_message_step where campaign_id = :id")
            .param("id", this.campaign)
            .query(Long.class)
            .single();
    }

    private long openMessages() {
        return this.jdbc.sql("select open_messages from message_rollup_state where campaign_id = :id")
            .param("id", this.campaign)
            .query(Long.class)
            .single();
    }

    private boolean dirty() {
        return this.jdbc.sql("select dirty from message_rollup_state where campaign_id = :id")
            .param("id", this.campaign)
            .query(Boolean.class)
            .single();
    }

    private String costSource() {
        return this.jdbc
            .sql("select string_agg(distinct source, ',') from campaign_message_cost where campaign_id = :id")
            .param("id", this.campaign)
            .query(String.class)
            .single();
    }

    private BigDecimal cost() {
        return this.jdbc.sql("select sum(amount) from campaign_message_cost where campaign_id = :id")
            .param("id", this.campaign)
            .query(BigDecimal.class)
            .single();
    }

}
