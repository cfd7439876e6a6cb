package org.smscampaign.link.click;

import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jctools.queues.MpscArrayQueue;
import org.smscampaign.link.LinkProperties;

import org.springframework.stereotype.Component;

/**
 * Hits between the redirector and the writer: a bounded lock-free queue (many request
 * threads, one writer). When it is full a hit is dropped and counted, never waited for:
 * redirects stay fast and memory bounded even when the database is down.
 */
@Component
public class ClickBuffer {

    private final MpscArrayQueue<Hit> queue;

    private final Counter dropped;

    ClickBuffer(LinkProperties properties, MeterRegistry meters) {
        this.queue = new MpscArrayQueue<>(properties.buffer().capacity());
        this.dropped = Counter.builder("sms.link.clicks.dropped")
            .description("Hits not recorded because the click buffer was full")
            .register(meters);
        Gauge.builder("sms.link.click.buffer.depth", this.queue, MpscArrayQueue::size)
            .description("Hits waiting to be written")
            .register(meters);
    }

    /** Hands a hit over; false (and counted) if the buffer is full. */
    public boolean offer(Hit hit) {
        if (this.queue.offer(hit)) {
            return true;
        }
        this.dropped.increment();
        return false;
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
