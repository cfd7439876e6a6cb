package org.smscampaign.messaging.dispatch;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.provider.CallbackAddresses;
import org.smscampaign.messaging.provider.SmsSender;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts one worker per configured sender in this instance. Every instance does the same:
 * they divide the work through row locks and share each sender's pace through the
 * database. {@code sms.messaging.dispatch.enabled=false} leaves sending to other
 * instances.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MessagingProperties properties;

    private final SenderWorker.Collaborators collaborators;

    private final Pacing pacing;

    private final boolean enabled;

    /** Who holds a claim: this process, recognisable in the database. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final List<SenderWorker> workers = new ArrayList<>();

    private final List<Thread> threads = new ArrayList<>();

    private final List<ExecutorService> pools = new ArrayList<>();

    /** How long stopping may wait for the workers, all together. */
    private static final Duration STOP_WITHIN = Duration.ofSeconds(17);

    /** Requests of one sender that may wait for a free connection. */
    private static final int WAITING_REQUESTS = 1_000;

    private final MeterRegistry meters;

    Dispatcher(MessagingProperties properties, MessageStore store, SmsSender provider, CallbackAddresses callbacks,
            StatusEvents statusEvents, SuppressionList suppressions, MessagingMetrics metrics, Pacing pacing,
            Clock clock, TransactionTemplate transaction, MeterRegistry meters,
            @Value("${sms.messaging.dispatch.enabled:true}") boolean enabled) {
        this.properties = properties;
        this.collaborators = new SenderWorker.Collaborators(store, provider, callbacks, statusEvents, suppressions,
                metrics, clock, transaction);
        this.pacing = pacing;
        this.meters = meters;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!this.enabled) {
            log.info("Dispatch is off in this instance (sms.messaging.dispatch.enabled=false)");
            return;
        }
        for (Map.Entry<String, MessagingProperties.Sender> entry : this.properties.senders().entrySet()) {
            String name = entry.getKey();
            MessagingProperties.Sender sender = entry.getValue();
            // The worker hands over one chunk and waits for it; past the queue's bound it
            // makes the request itself.
            ThreadPoolExecutor requests = (sender.concurrency() > 1) ? new ThreadPoolExecutor(sender.concurrency(),
                    sender.concurrency(), 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING_REQUESTS), (task) -> {
                        Thread thread = new Thread(task, "send-" + name);
                        thread.setDaemon(true);
                        return thread;
                    }, new ThreadPoolExecutor.CallerRunsPolicy()) : null;
            if (requests != null) {
                this.pools.add(requests);
                new ExecutorServiceMetrics(requests, "send-" + name, List.of()).bindTo(this.meters);
            }
            SenderWorker worker = new SenderWorker(name, sender, this.properties.dispatch(), this.owner,
                    this.collaborators, this.pacing.of(name, sender), requests);
            Thread thread = new Thread(worker, "dispatch-" + name);
            thread.setDaemon(true);
            thread.start();
            this.workers.add(worker);
            this.threads.add(thread);
            log.info("Dispatching sender '{}' ({} segments/s, {} in flight) as {}", name,
                    (sender.segmentsPerSecond() > 0) ? sender.segmentsPerSecond() : "unlimited", sender.concurrency(),
                    this.owner);
        }
    }

    /** Finishes the batches in hand (their sends complete and are stored), then stops. */
    @Override
    public synchronized void stop() {
        this.workers.forEach(SenderWorker::stop);
        // One deadline for all workers, within the shutdown phase (20 s): a worker waits
        // for the provider's answer at most the request timeout. One still waiting then
        // leaves its message SENDING under its lease, settled after the restart.
        long deadline = System.nanoTime()
                + Math.min(this.properties.dispatch().requestTimeout().plusSeconds(2).toNanos(), STOP_WITHIN.toNanos());
        for (Thread thread : this.threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.pools.forEach(ExecutorService::shutdown);
        this.workers.clear();
        this.threads.clear();
        this.pools.clear();
    }

    @Override
    public boolean isRunning() {
        return !this.threads.isEmpty();
    }

    public String owner() {
        return this.owner;
    }

}
