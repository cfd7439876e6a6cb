package org.smscampaign.messaging.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.MessagingIT;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.ProviderSimulator;
import org.smscampaign.messaging.SimulatorBehaviour;
import org.smscampaign.messaging.provider.CallbackAddresses;
import org.smscampaign.messaging.provider.Lookup;
import org.smscampaign.messaging.provider.OutgoingMessage;
import org.smscampaign.messaging.provider.SendOutcome;
import org.smscampaign.messaging.provider.SmsSender;
import org.smscampaign.messaging.provider.StatedPrice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.smscampaign.messaging.Fixtures.campaign;
import static org.smscampaign.messaging.Fixtures.number;
import static org.smscampaign.messaging.Fixtures.sms;

/**
 * The dispatcher's guarantees, with workers driven by the test (no dispatcher of its own,
 * no callbacks): crashes after a claim, two workers on one queue, a worker that lost its
 * lease, and unknown outcomes reconciled with the provider.
 */
@MessagingIT
@TestPropertySource(properties = { "sms.messaging.dispatch.enabled=false", "sms.messaging.simulator.callbacks=false",
        "sms.messaging.dispatch.reconcile-after=0s" })
class DispatchMechanicsIT {

    private static final String SENDER = "fast";

    @Autowired
    MessageStore store;

    @Autowired
    Recovery recovery;

    @Autowired
    MessageGateway gateway;

    @Autowired
    ProviderSimulator simulator;

    @Autowired
    MessagingProperties properties;

    @Autowired
    SmsSender provider;

    @Autowired
    CallbackAddresses callbacks;

    @Autowired
    StatusEvents statusEvents;

    @Autowired
    SuppressionList suppressions;

    @Autowired
    MessagingMetrics metrics;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Pacing pacing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ErrorStormWatch storms;

    @AfterEach
    void normal() {
        this.simulator.behave(SimulatorBehaviour.NORMAL);
        // Leave nothing due behind for the next test's workers.
        this.jdbc.sql("update outbound_message set status = 'CANCELED' where status in ('QUEUED', 'CLAIMED')").update();
    }

    private SenderWorker worker(String owner) {
        return new SenderWorker(SENDER, this.properties.senders().get(SENDER), this.properties.dispatch(), owner,
                new SenderWorker.Collaborators(this.store, this.provider, this.callbacks, this.statusEvents,
                        this.suppressions, this.metrics, this.clock, this.transaction),
                null, null);
    }

    private List<Long> enqueue(int count) {
        List<MessageRequest> requests = new ArrayList<>();
        long campaign = campaign();
        for (int i = 0; i < count; i++) {
            requests.add(sms(SENDER, number(), campaign));
        }
        return new ArrayList<>(this.gateway.enqueue(requests).values());
    }

    private MessageStatus statusOf(long id) {
        return this.gateway.find(id).orElseThrow().status();
    }

    /** The owner's leases run out (on the database's clock, which the sweep reads). */
    private void leaseRunsOut(String owner) {
        this.jdbc
            .sql("update outbound_message set lease_until = now() - interval '1 second' where lease_owner = :owner")
            .param("owner", owner)
            .update();
    }

    /**
     * A message failed for an unsubscribed number and the number's opt-out commit
     * together: a worker that dies between the two leaves neither, and the message is
     * settled (failed, number listed) once its lease ran out.
     */
    @Test
    void aWorkerThatDiesBeforeStoringA21610LeavesNeitherHalf() {
        String unsubscribed = "+15005550004"; // the simulator answers 21610
        this.jdbc.sql("delete from suppression where phone = :phone").param("phone", unsubscribed).update();
        long id = this.gateway.enqueue(List.of(sms(SENDER, unsubscribed, campaign()))).values().iterator().next();
        MessageStore dying = new MessageStore(this.jdbc) {
            @Override
            List<Transition> complete(List<Completion> completions) {
                throw new IllegalStateException("the process died here");
            }
        };
        SenderWorker worker = new SenderWorker(SENDER, this.properties.senders().get(SENDER),
                this.properties.dispatch(), "dying",
                new SenderWorker.Collaborators(dying, this.provider, this.callbacks, this.statusEvents,
                        this.suppressions, this.metrics, this.clock, this.transaction),
                null, null);

        assertThatIllegalStateException().isThrownBy(worker::work);

        assertThat(statusOf(id)).isEqualTo(MessageStatus.SENDING);
        assertThat(this.suppressions.contains(unsubscribed)).as("no opt-out without its failure").isFalse();

        leaseRunsOut("dying");
        this.recovery.recoverExpiredLeases();
        this.recovery.reconcileUnknown();
        worker("survivor").work();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.FAILED);
        assertThat(this.suppressions.contains(unsubscribed)).isTrue();
        this.jdbc.sql("delete from suppression where phone = :phone").param("phone", unsubscribed).update();
    }

    /**
     * Stopping ends within the shutdown phase (20 s) even while the provider answers no
     * request at all: the workers get one deadline together, not one each.
     */
    @Test
    void stoppingEndsWithinTheShutdownPhaseWhateverTheProviderDoes() throws InterruptedException {
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SmsSender silent = new SmsSender() {
            @Override
            public SendOutcome send(OutgoingMessage message) {
                called.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return new SendOutcome.Ambiguous("no answer");
            }

            @Override
            public Lookup lookup(OutgoingMessage message, Instant attemptedAt) {
                return new Lookup.CannotTell("silent");
            }

            @Override
            public Map<String, StatedPrice> prices(Collection<String> sids) {
                return Map.of();
            }

            @Override
            public List<ContentTemplateView> templates() {
                return List.of();
            }
        };
        Dispatcher dispatcher = new Dispatcher(this.properties, this.store, silent, this.callbacks, this.statusEvents,
                this.suppressions, this.metrics, this.pacing, this.clock, this.transaction, new SimpleMeterRegistry(),
                true);
        enqueue(8);
        dispatcher.start();
        try {
            assertThat(called.await(20, TimeUnit.SECONDS)).as("the provider was asked").isTrue();
            long started = System.nanoTime();
            dispatcher.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void messagesClaimedByAWorkerThatDiedReturnToTheQueueAndAreSentOnce() {
        List<Long> ids = enqueue(3);
        List<Claimed> claimed = this.store.claim(SENDER, "crashed-worker", 100, Duration.ofMillis(300));
        assertThat(claimed).extracting(Claimed::id).containsAll(ids);

        leaseRunsOut("crashed-worker");
        this.recovery.recoverExpiredLeases();
        assertThat(ids).allMatch((id) -> statusOf(id) == MessageStatus.QUEUED);

        worker("survivor").work();

        assertThat(ids).allMatch((id) -> statusOf(id) == MessageStatus.ACCEPTED);
        assertThat(ids).allMatch((id) -> this.simulator.received(id) == 1);
    }

    @Test
    void twoWorkersOnOneQueueSendEveryMessageExactlyOnceAndBothWork() throws InterruptedException {
        List<Long> ids = enqueue(600);
        AtomicInteger[] batches = { new AtomicInteger(), new AtomicInteger() };
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            SenderWorker worker = worker("worker-" + w);
            AtomicInteger count = batches[w];
            Thread thread = new Thread(() -> {
                while (worker.work()) {
                    count.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }

        Map<String, Long> received = new java.util.HashMap<>();
        this.jdbc
            .sql("select count(*) filter (where n = 1) as once, count(*) filter (where n > 1) as twice "
                    + "from (select message_id, count(*) as n from simulator_message where message_id = any(:ids) "
                    + "group by message_id) r")
            .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
            .query((row, n) -> {
                received.put("once", row.getLong("once"));
                received.put("twice", row.getLong("twice"));
                return null;
            })
            .list();
        assertThat(received).containsEntry("once", 600L).containsEntry("twice", 0L);
        assertThat(ids).allMatch((id) -> statusOf(id) == MessageStatus.ACCEPTED);
        assertThat(batches[0].get()).as("first worker's batches").isPositive();
        assertThat(batches[1].get()).as("second worker's batches").isPositive();
    }

    @Test
    void aWorkerThatLostItsLeaseSendsNothingAfterTheTakeover() {
        List<Long> ids = enqueue(2);
        List<Claimed> stale = this.store.claim(SENDER, "paused-worker", 100, Duration.ofMillis(300));
        leaseRunsOut("paused-worker"); // the worker is stopped (SIGSTOP) past its lease
        this.recovery.recoverExpiredLeases();
        worker("taker").work();

        MessageStore.Start resumed = this.store.startSending(stale, Duration.ZERO);

        assertThat(resumed.sending()).as("the resumed worker may send nothing").isEmpty();
        assertThat(ids).allMatch((id) -> this.simulator.received(id) == 1);
    }

    @Test
    void anUnknownOutcomeIsAskedOfTheProviderNeverResentBlindly() {
        this.simulator.behave(SimulatorBehaviour.TIMEOUT);
        List<Long> accepted = enqueue(1);
        worker("w").work();
        assertThat(statusOf(accepted.get(0))).isEqualTo(MessageStatus.UNKNOWN);

        // A send that never reached the provider (the worker died before its request
        // left).
        this.simulator.behave(SimulatorBehaviour.NORMAL);
        List<Long> lost = enqueue(1);
        List<Claimed> claimed = this.store.claim(SENDER, "dying", 10, Duration.ofMillis(300));
        this.store.startSending(claimed, Duration.ZERO);
        leaseRunsOut("dying");
        this.recovery.recoverExpiredLeases();
        assertThat(statusOf(lost.get(0))).isEqualTo(MessageStatus.UNKNOWN);

        this.recovery.reconcileUnknown();

        assertThat(statusOf(accepted.get(0))).as("the provider has it").isEqualTo(MessageStatus.ACCEPTED);
        assertThat(this.simulator.received(accepted.get(0))).isEqualTo(1);
        assertThat(statusOf(lost.get(0))).as("the provider never got it: queued again").isEqualTo(MessageStatus.QUEUED);
        worker("w2").work();
        assertThat(this.simulator.received(lost.get(0))).isEqualTo(1);
    }

    /**
     * Issue 21: a campaign resumed after an error storm is paused again by a new one (its
     * pause row stayed, and the storm's insert did nothing).
     */
    @Test
    void anErrorStormPausesACampaignAgainAfterItWasResumed() {
        long campaign = campaign();
        int storm = this.properties.errorStorm().minimumMessages();
        fail(campaign, storm);
        this.storms.watch();
        assertThat(this.gateway.pauseOf(campaign))
            .hasValueSatisfying((p) -> assertThat(p.by()).isEqualTo("error storm"));

        this.gateway.resume(campaign, "operator");
        this.storms.watch();
        assertThat(this.gateway.pauseOf(campaign)).as("failures before the resume no longer count").isEmpty();

        fail(campaign, storm);
        this.storms.watch();
        assertThat(this.gateway.pauseOf(campaign)).as("a new storm").isPresent();
    }

    /** Messages of the campaign that failed just now. */
    private void fail(long campaign, int count) {
        List<MessageRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(sms(SENDER, number(), campaign));
        }
        this.gateway.enqueue(requests);
        this.jdbc
            .sql("update outbound_message set status = 'FAILED', final_at = now(), error_code = 30007 "
                    + "where campaign_id = :campaign and status = 'QUEUED'")
            .param("campaign", campaign)
            .update();
    }

}
