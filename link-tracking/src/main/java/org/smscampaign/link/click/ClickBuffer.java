package org.smscampaign.link.click;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jctools.queues.MpscArrayQueue;
import org.smscampaign.link.LinkProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hits between the redirector and the writer: a bounded lock-free queue (many request
 * threads, one writer). When it is full while the writer is writing, the redirect waits
 * for room (back-pressure: the redirector slows to the writer's pace and keeps every
 * hit); while the writer cannot write (the database away), a hit finding it full is
 * dropped and counted at once, so redirects stay fast and memory bounded during an
 * outage.
 */
@Component
public class ClickBuffer {

    /** How often a waiting redirect looks for room. */
    private static final long RETRY_NANOS = 50_000;

    private final MpscArrayQueue<Hit> queue;

    private final long maxWaitNanos;

    private final Counter dropped;

    private final Counter waited;

    /** Whether the writer's last write succeeded (set by the writer). */
    private volatile boolean writing = true;

    @Autowired
    ClickBuffer(LinkProperties properties, MeterRegistry meters) {
        this(properties.buffer().capacity(), properties.buffer().maxWait(), meters);
    }

    ClickBuffer(int capacity, Duration maxWait, MeterRegistry meters) {
        this.queue = new MpscArrayQueue<>(capacity);
        this.maxWaitNanos = maxWait.toNanos();
        this.dropped = Counter.builder("sms.link.clicks.dropped")
            .description("Hits not recorded because the click buffer was full")
            .register(meters);
        this.waited = Counter.builder("sms.link.clicks.waited")
            .description("Redirects that waited for room in the click buffer (the writer behind)")
            .register(meters);
        Gauge.builder("sms.link.click.buffer.depth", this.queue, MpscArrayQueue::size)
            .description("Hits waiting to be written")
            .register(meters);
    }

    /**
     * Hands a hit over, waiting for room while the writer writes; false (and counted) if
     * it had to be dropped.
     */
    public boolean offer(Hit hit) {
        if (this.queue.offer(hit)) {
            return true;
        }
        if (this.writing) {
            this.waited.increment();
            long deadline = System.nanoTime() + this.maxWaitNanos;
            while (this.writing && deadline - System.nanoTime() > 0) {
                LockSupport.parkNanos(RETRY_NANOS);
                if (this.queue.offer(hit)) {
                    return true;
                }
            }
        }
        this.dropped.increment();
        return false;
    }

    /** The writer tells whether it can write (database up) or not. */
    void writing(boolean writing) {
        this.writing = writing;
    }

    int drain(Consumer<Hit> into, int limit) {
        return this.queue.drain(into::accept, limit);
    }

    int size() {
        return this.queue.size();
    }

    double droppedCount() {
        return this.dropped.count();
    }

}
