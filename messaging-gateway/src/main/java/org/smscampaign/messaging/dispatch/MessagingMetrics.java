package org.smscampaign.messaging.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.smscampaign.messaging.MessagingProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gateway's metrics: per sender and channel, sends and segments, 429s, retries,
 * unknown outcomes, lease expiries, deferrals, suppression hits; callback lag and unknown
 * callbacks; queue depth and the age of the oldest due message (read from the database
 * every few seconds, shared by all instances).
 */
@Component
public class MessagingMetrics {

    private final MeterRegistry registry;

    private final MessageStore store;

    private final Map<String, AtomicLong[]> queues = new ConcurrentHashMap<>();

    private final Timer callbackLag;

    private final Counter unknownCallbacks;

    private final Counter leaseExpiries;

    MessagingMetrics(MeterRegistry registry, MessageStore store, MessagingProperties properties) {
        this.registry = registry;
        this.store = store;
        this.callbackLag = Timer.builder("sms.messaging.callback.lag")
            .description("Time from handing a message to the provider to its status callback")
            .register(registry);
        this.unknownCallbacks = Counter.builder("sms.messaging.callbacks.unknown")
            .description("Status callbacks for messages the platform does not know")
            .register(registry);
        this.leaseExpiries = Counter.builder("sms.messaging.lease.expiries")
            .description("Claims that expired before their worker finished")
            .register(registry);
        properties.senders().keySet().forEach(this::queue);
    }

    private AtomicLong[] queue(String sender) {
        return this.queues.computeIfAbsent(sender, (name) -> {
            AtomicLong[] values = { new AtomicLong(), new AtomicLong() };
            Gauge.builder("sms.messaging.queue.depth", values[0], AtomicLong::get)
                .tag("sender", name)
                .description("Messages due and waiting to be sent")
                .register(this.registry);
            Gauge.builder("sms.messaging.queue.oldest.age", values[1], (v) -> v.get() / 1000.0)
                .tag("sender", name)
                .baseUnit("seconds")
                .description("How long the oldest due message has waited")
                .register(this.registry);
            return values;
        });
    }

    @Scheduled(fixedDelayString = "${sms.messaging.dispatch.metrics-interval:5s}")
    void readQueues() {
        Map<String, long[]> current = this.store.queueBySender();
        this.queues.forEach((sender, values) -> {
            long[] read = current.getOrDefault(sender, new long[] { 0, 0 });
            values[0].set(read[0]);
            values[1].set(read[1]);
        });
        current.keySet().forEach(this::queue);
    }

    void sent(String sender, String channel, int segments) {
        this.registry.counter("sms.messaging.sends", "sender", sender, "channel", channel).increment();
        this.registry.counter("sms.messaging.segments", "sender", sender, "channel", channel).increment(segments);
    }

    void throttled(String sender) {
        this.registry.counter("sms.messaging.throttled", "sender", sender).increment();
    }

    void retried(String sender) {
        this.registry.counter("sms.messaging.retries", "sender", sender).increment();
    }

    void unknownOutcome(String sender) {
        this.registry.counter("sms.messaging.unknown.outcomes", "sender", sender).increment();
    }

    void deferred(String sender, int count) {
        this.registry.counter("sms.messaging.deferrals", "sender", sender).increment(count);
    }

    void suppressed(int count) {
        this.registry.counter("sms.messaging.suppression.hits").increment(count);
    }

    void leaseExpired(int count) {
        this.leaseExpiries.increment(count);
    }

    void transition(Transition transition) {
        this.registry
            .counter("sms.messaging.status", "status", transition.status().name(), "channel",
                    transition.channel().name())
            .increment();
    }

    public void callbackReceived(Duration sinceSending) {
        if (sinceSending != null) {
            this.callbackLag.record(sinceSending);
        }
    }

    public void unknownCallback() {
        this.unknownCallbacks.increment();
    }

}
