package org.smscampaign.messaging.dispatch;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.MessagingIT;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.Reachability;
import org.smscampaign.messaging.rollup.MessageRollups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.smscampaign.messaging.Fixtures.campaign;
import static org.smscampaign.messaging.Fixtures.key;
import static org.smscampaign.messaging.Fixtures.number;

/**
 * A delivered step of a cascade and the withdrawal of its later steps commit together; a
 * later step a crash left waiting after the delivery is withdrawn by the sweep, once.
 */
@MessagingIT
@TestPropertySource(properties = { "sms.messaging.dispatch.enabled=false", "sms.messaging.simulator.callbacks=false",
        "sms.messaging.dispatch.reconcile-after=0s" })
class CascadeWithdrawalIT {

    @Autowired
    MessageStore store;

    @Autowired
    StatusReports reports;

    @Autowired
    CascadeAdvancer advancer;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MessagingMetrics metrics;

    @Autowired
    Clock clock;

    @Autowired
    Reachability reachability;

    @Autowired
    MessageRollups rollups;

    @Autowired
    JdbcClient jdbc;

    private final long campaign = campaign();

    @AfterEach
    void nothingLeftWaiting() {
        this.jdbc.sql("update outbound_message set status = 'CANCELED' where status in ('QUEUED', 'CLAIMED')").update();
    }

    @Test
    void aDeliveryWithdrawsTheLaterStepInItsOwnStatementEvenIfTheProcessDiesRightAfter() {
        long chain = chain();
        long first = step(chain, null, 0, "SENT", "now() - interval '2 minutes'", null);
        long second = step(chain, first, 1, "QUEUED", "now() - interval '1 minute'", null);
        StatusEvents dying = new StatusEvents(this.events, this.store, this.metrics, this.clock, this.reachability) {
            @Override
            void publishReported(Transition reported, List<Transition> withdrawn) {
                throw new IllegalStateException("the process died here");
            }
        };
        StatusReports dyingReports = new StatusReports(this.store, dying, this.metrics);

        assertThatIllegalStateException()
            .isThrownBy(() -> dyingReports.report(first, MessageStatus.DELIVERED, "SM" + first, null));

        assertThat(status(first)).isEqualTo("DELIVERED");
        assertThat(status(second)).as("withdrawn with the delivery").isEqualTo("CANCELED");
        assertThat(canceledEvents(second)).isEqualTo(1);

        this.reports.report(first, MessageStatus.DELIVERED, "SM" + first, null);
        this.advancer.withdrawOutdone();
        assertThat(canceledEvents(second)).as("a repeated receipt and the sweep change nothing").isEqualTo(1);
    }

    @Test
    void aLaterStepLeftWaitingByACrashIsWithdrawnByTheSweepOnce() {
        // As a crash leaves it: the delivery stored, the later step still queued.
        long chain = chain();
        long first = step(chain, null, 0, "DELIVERED", "now() - interval '2 minutes'", "now()");
        long outdone = step(chain, first, 1, "QUEUED", "now() - interval '1 minute'", null);
        // Delivered but not read in time: the next step was queued after the delivery.
        long readChain = chain();
        long unread = step(readChain, null, 0, "DELIVERED", "now() - interval '3 minutes'",
                "now() - interval '2 minutes'");
        long handedOn = step(readChain, unread, 1, "QUEUED", "now() - interval '1 minute'", null);

        this.advancer.withdrawOutdone();

        assertThat(status(outdone)).isEqualTo("CANCELED");
        assertThat(canceledEvents(outdone)).isEqualTo(1);
        assertThat(status(handedOn)).as("queued after the delivery: it stays").isEqualTo("QUEUED");

        this.advancer.withdrawOutdone();

        assertThat(canceledEvents(outdone)).as("idempotent").isEqualTo(1);
        assertThat(status(handedOn)).isEqualTo("QUEUED");
        assertThat(status(first)).isEqualTo("DELIVERED");
    }

    private long chain() {
        return this.jdbc.sql("""
                insert into message_chain (steps) values (cast(:steps as jsonb)) returning id""").param("steps", """
                [{"channel": "WHATSAPP", "sender": "whatsapp", "timeoutSeconds": 60},
                 {"channel": "SMS", "sender": "fast", "timeoutSeconds": 60}]""").query(Long.class).single();
    }

    /** One step as stored, due tomorrow (no worker takes it meanwhile). */
    private long step(long chain, Long root, int step, String status, String createdAt, String finalAt) {
        String channel = (step == 0) ? "WHATSAPP" : "SMS";
        String sender = (step == 0) ? "whatsapp" : "fast";
        return this.jdbc.sql("""
                insert into outbound_message (idempotency_key, campaign_id, channel, sender, to_number, body, segments,
                    status, due_at, chain_id, chain_step, chain_root_id, created_at, sending_at, sent_at, final_at,
                    provider_sid)
                values (:key, :campaign, :channel, :sender, :to, 'Your order ships', 1, :status,
                    now() + interval '1 day', :chain, :step, :root, %1$s,
                    case when :sent then %1$s end, case when :sent then %1$s end, %2$s,
                    case when :sent then 'SMtest' || substr(md5(random()::text), 1, 26) end)
                returning id""".formatted(createdAt, (finalAt != null) ? finalAt : "null"))
            .param("key", key())
            .param("campaign", this.campaign)
            .param("channel", channel)
            .param("sender", sender)
            .param("to", number())
            .param("status", status)
            .param("chain", chain)
            .param("step", step)
            .param("root", root)
            .param("sent", !status.equals("QUEUED"))
            .query(Long.class)
            .single();
    }

    private String status(long id) {
        return this.jdbc.sql("select status from outbound_message where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private long canceledEvents(long id) {
        return this.jdbc.sql("select count(*) from message_event where message_id = :id and status = 'CANCELED'")
            .param("id", id)
            .query(Long.class)
            .single();
    }

}
