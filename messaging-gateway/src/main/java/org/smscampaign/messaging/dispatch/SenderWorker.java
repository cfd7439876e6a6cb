package org.smscampaign.messaging.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.OptOutReason;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.messaging.provider.CallbackAddresses;
import org.smscampaign.messaging.provider.OutgoingMessage;
import org.smscampaign.messaging.provider.SendOutcome;
import org.smscampaign.messaging.provider.SmsSender;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the messages of one sender: claims due ones in batches (a lease on the database
 * clock), re-checks each recipient's window, then, paced by the sender's bucket, marks a
 * few as sending (refused if suppressed meanwhile or if the lease is running out), calls
 * the provider outside any transaction and stores the outcomes. A worker whose lease ran
 * out sends nothing more of that batch.
 */
final class SenderWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SenderWorker.class);

    /** Lease left that a worker keeps in reserve: below it, it starts no more sends. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    /** How often a paced sender sends a chunk, at most. */
    private static final Duration TICK = Duration.ofMillis(50);

    private final String name;

    private final MessagingProperties.Sender sender;

    private final MessagingProperties.Dispatch settings;

    private final String owner;

    private final MessageStore store;

    private final SmsSender provider;

    private final CallbackAddresses callbacks;

    private final StatusEvents statusEvents;

    private final SuppressionList suppressions;

    private final MessagingMetrics metrics;

    private final Bucket bucket;

    private final RetryPolicy retries;

    private final ExecutorService requests;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private volatile boolean running = true;

    /** Tokens taken from the shared bucket and not yet spent. */
    private long credit;

    /**
     * Tokens taken at once when several messages wait: the pace of one tick (within the
     * bucket's capacity), so a sender of 100 segments/s sends five every 50 ms.
     */
    private final long tickTokens;

    /** Until when (nanoTime) the worker waits after the provider throttled. */
    private long quietUntil;

    SenderWorker(String name, MessagingProperties.Sender sender, MessagingProperties.Dispatch settings, String owner,
            Collaborators collaborators, Bucket bucket, ExecutorService requests) {
        this.name = name;
        this.sender = sender;
        this.settings = settings;
        this.owner = owner;
        this.store = collaborators.store();
        this.provider = collaborators.provider();
        this.callbacks = collaborators.callbacks();
        this.statusEvents = collaborators.statusEvents();
        this.suppressions = collaborators.suppressions();
        this.metrics = collaborators.metrics();
        this.clock = collaborators.clock();
        this.transaction = collaborators.transaction();
        this.bucket = bucket;
        this.retries = new RetryPolicy(settings);
        this.tickTokens = Math.max(1,
                Math.min(sender.bucketCapacity(), Math.round(sender.segmentsPerSecond() * TICK.toNanos() / 1e9)));
        this.requests = requests;
    }

    /** What every worker works with. */
    record Collaborators(MessageStore store, SmsSender provider, CallbackAddresses callbacks, StatusEvents statusEvents,
            SuppressionList suppressions, MessagingMetrics metrics, Clock clock, TransactionTemplate transaction) {

    }

    void stop() {
        this.running = false;
    }

    @Override
    public void run() {
        while (this.running) {
            try {
                if (!work()) {
                    LockSupport.parkNanos(this.settings.pollInterval().toNanos());
                }
            }
            catch (RuntimeException ex) {
                log.warn("Sender {}: dispatch failed ({}); retrying", this.name, ex.getMessage());
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    /** One batch. Returns whether there was anything to do. */
    boolean work() {
        long quiet = this.quietUntil - System.nanoTime();
        if (quiet > 0) {
            LockSupport.parkNanos(quiet);
        }
        List<Claimed> batch = this.store.claim(this.name, this.owner, batchLimit(), this.settings.lease());
        if (batch.isEmpty()) {
            return false;
        }
        long deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(batch.stream().mapToLong(Claimed::leaseLeftMillis).min().orElse(0))
                - MARGIN.toNanos();
        Deque<Claimed> pending = new ArrayDeque<>(inWindow(batch));
        while (!pending.isEmpty() && this.running) {
            List<Claimed> chunk = paced(pending, deadline);
            if (chunk.isEmpty() || System.nanoTime() > deadline || System.nanoTime() < this.quietUntil) {
                break;
            }
            send(chunk, deadline);
        }
        if (!pending.isEmpty()) {
            // The lease runs out, the provider throttles or the worker stops: the rest
            // waits.
            List<Instant> now = pending.stream().map((m) -> this.clock.instant()).toList();
            this.statusEvents.publish(this.store.release(new ArrayList<>(pending), now, "put back unsent"));
        }
        return true;
    }

    /**
     * How many messages to claim: a batch, but no more than the pace can send in a
     * quarter of the lease.
     */
    private int batchLimit() {
        if (this.bucket == null) {
            return this.settings.batchSize();
        }
        double perLease = this.sender.segmentsPerSecond() * this.settings.lease().toSeconds() / 4;
        return (int) Math.max(1, Math.min(this.settings.batchSize(), perLease));
    }

    /** Holds messages outside their recipient's window for its opening, or skips them. */
    private List<Claimed> inWindow(List<Claimed> batch) {
        Instant now = this.clock.instant();
        List<Claimed> ready = new ArrayList<>(batch.size());
        List<Claimed> held = new ArrayList<>();
        List<Instant> openings = new ArrayList<>();
        List<Claimed> skipped = new ArrayList<>();
        for (Claimed message : batch) {
            SendWindow window = message.window();
            if (window == null || window.allows(now)) {
                ready.add(message);
            }
            else if (window.policy() == SendWindow.Policy.SKIP) {
                skipped.add(message);
            }
            else {
                held.add(message);
                openings.add(window.nextOpening(now));
            }
        }
        if (!held.isEmpty()) {
            this.metrics.deferred(this.name, held.size());
            this.statusEvents.publish(this.store.release(held, openings, "outside the recipient's hours: deferred"));
        }
        if (!skipped.isEmpty()) {
            this.statusEvents.publish(
                    this.store.finishUnsent(skipped, MessageStatus.SKIPPED, "outside the recipient's hours: skipped"));
        }
        return ready;
    }

    /**
     * The next messages the pace allows, waiting for tokens as needed (never past the
     * lease). Tokens are taken a tick's worth at a time, not one by one: every take is a
     * transaction on the shared bucket, and every chunk two more on the messages.
     */
    private List<Claimed> paced(Deque<Claimed> pending, long deadline) {
        List<Claimed> chunk = new ArrayList<>();
        if (this.bucket == null) {
            while (!pending.isEmpty() && chunk.size() < Math.max(1, this.settings.batchSize())) {
                chunk.add(pending.poll());
            }
            return chunk;
        }
        while (chunk.isEmpty() && System.nanoTime() < deadline && this.running) {
            long needed = pending.peek().segments();
            if (this.credit < needed) {
                long wanted = pending.stream().limit(this.sender.concurrency()).mapToLong(Claimed::segments).sum();
                long take = Math.max(needed, Math.min(wanted, this.tickTokens)) - this.credit;
                // One transaction: the tokens are reserved at once (no other instance can
                // take them meanwhile), then this thread sleeps until they are due; never
                // past the lease.
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || !this.bucket.asBlocking().tryConsumeUninterruptibly(take, Duration.ofNanos(wait))) {
                    break;
                }
                this.credit += take;
            }
            while (!pending.isEmpty() && this.credit >= pending.peek().segments()
                    && chunk.size() < this.sender.concurrency()) {
                this.credit -= pending.peek().segments();
                chunk.add(pending.poll());
            }
        }
        return chunk;
    }

    private void send(List<Claimed> chunk, long deadline) {
        MessageStore.Start start = this.store.startSending(chunk, MARGIN);
        if (!start.suppressed().isEmpty()) {
            this.metrics.suppressed(start.suppressed().size());
            this.statusEvents.publish(start.suppressed());
        }
        Set<Long> mayGo = new HashSet<>(start.sending());
        List<Claimed> going = chunk.stream().filter((m) -> mayGo.contains(m.id())).toList();
        List<SendOutcome> outcomes = call(going, deadline);
        Instant now = this.clock.instant();
        List<Completion> completions = new ArrayList<>(going.size());
        for (int i = 0; i < going.size(); i++) {
            Claimed message = going.get(i);
            SendOutcome outcome = outcomes.get(i);
            completions.add(this.retries.completion(message, outcome, now));
            count(message, outcome);
        }
        // One transaction: a message failed for an unsubscribed number (21610) is never
        // seen without the number's opt-out, nor the other way round, even if the process
        // dies in between (then neither is written: the message stays SENDING and the
        // lease sweep takes it up).
        List<Transition> finished = this.transaction.execute((status) -> {
            for (int i = 0; i < going.size(); i++) {
                if (RetryPolicy.unsubscribed(outcomes.get(i))) {
                    this.suppressions.optOut(going.get(i).to(), OptOutReason.CARRIER,
                            "provider error 21610 (unsubscribed recipient)");
                }
            }
            return this.store.complete(completions);
        });
        this.statusEvents.publish(finished);
    }

    private void count(Claimed message, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted) {
            this.metrics.sent(this.name, message.channel().name(), message.segments());
        }
        else if (outcome instanceof SendOutcome.Throttled throttled) {
            this.metrics.throttled(this.name);
            this.metrics.retried(this.name);
            Duration pause = (throttled.retryAfter() != null) ? throttled.retryAfter() : Duration.ofSeconds(1);
            this.quietUntil = System.nanoTime() + pause.toNanos();
        }
        else if (outcome instanceof SendOutcome.Unavailable) {
            this.metrics.retried(this.name);
            this.quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        }
        else if (outcome instanceof SendOutcome.Ambiguous) {
            this.metrics.unknownOutcome(this.name);
        }
    }

    /** The provider calls, in parallel up to the sender's concurrency. */
    private List<SendOutcome> call(List<Claimed> messages, long deadline) {
        if (messages.size() == 1 || this.requests == null) {
            return messages.stream().map((message) -> call(message, deadline)).toList();
        }
        List<Future<SendOutcome>> futures = messages.stream()
            .map((message) -> this.requests.submit(() -> call(message, deadline)))
            .toList();
        List<SendOutcome> outcomes = new ArrayList<>(futures.size());
        for (Future<SendOutcome> future : futures) {
            try {
                outcomes.add(future.get());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                outcomes.add(new SendOutcome.Ambiguous("interrupted while sending"));
            }
            catch (java.util.concurrent.ExecutionException ex) {
                outcomes.add(new SendOutcome.Ambiguous("sending failed: " + ex.getCause()));
            }
        }
        return outcomes;
    }

    private SendOutcome call(Claimed message, long deadline) {
        if (System.nanoTime() > deadline) {
            // This worker stalled (a long pause, a stopped process) past its lease:
            // another
            // instance may have taken the message over. Not a request goes out; the write
            // that follows is fenced by the message's version.
            return new SendOutcome.Unavailable("not sent: the worker's lease ran out before the call");
        }
        try {
            return this.provider.send(new OutgoingMessage(message.id(), message.channel(), message.to(), message.body(),
                    this.name, this.sender, this.callbacks.statusCallback(message.id()), message.template()));
        }
        catch (RuntimeException ex) {
            // A bug or an unexpected answer after the request went out: not safe to
            // resend.
            log.warn("Sending message {} ended unexpectedly: {}", message.id(), ex.toString());
            return new SendOutcome.Ambiguous("unexpected: " + ex.getClass().getSimpleName());
        }
    }

}
