package org.smscampaign.link.click;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickBufferTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static Hit hit(long id) {
        return new Hit(id, 1, System.currentTimeMillis(), false, "agent", "203.0.113.7", null, null, null, null, null);
    }

    @Test
    void aFullBufferMakesTheRedirectWaitWhileTheWriterWritesAndNoHitIsLost() throws Exception {
        ClickBuffer buffer = new ClickBuffer(2, Duration.ofSeconds(10), this.meters);
        assertThat(buffer.offer(hit(1))).isTrue();
        assertThat(buffer.offer(hit(2))).isTrue();

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> buffer.offer(hit(3)));
        // The writer takes a batch once the redirect is waiting for room.
        while (this.meters.counter("sms.link.clicks.waited").count() < 1) {
            Thread.onSpinWait();
        }
        assertThat(waiting).isNotDone();
        List<Hit> written = new ArrayList<>();
        buffer.drain(written::add, 2);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        buffer.drain(written::add, 2);
        assertThat(written).extracting(Hit::id).containsExactly(1L, 2L, 3L);
        assertThat(buffer.droppedCount()).isZero();
    }

    @Test
    void whileTheWriterCannotWriteAHitFindingTheBufferFullIsDroppedAtOnce() {
        ClickBuffer buffer = new ClickBuffer(1, Duration.ofSeconds(10), this.meters);
        buffer.writing(false);
        assertThat(buffer.offer(hit(1))).isTrue();
        long started = System.nanoTime();

        assertThat(buffer.offer(hit(2))).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(buffer.droppedCount()).isEqualTo(1);
    }

    @Test
    void aRedirectWaitingForRoomStopsWaitingWhenTheWriterFails() throws Exception {
        ClickBuffer buffer = new ClickBuffer(1, Duration.ofSeconds(30), this.meters);
        assertThat(buffer.offer(hit(1))).isTrue();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> buffer.offer(hit(2)));
        while (this.meters.counter("sms.link.clicks.waited").count() < 1) {
            Thread.onSpinWait();
        }

        buffer.writing(false);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(buffer.droppedCount()).isEqualTo(1);
    }

}
