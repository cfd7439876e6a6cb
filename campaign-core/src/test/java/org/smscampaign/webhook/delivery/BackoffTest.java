package org.smscampaign.webhook.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 10);

    @Test
    void waitsDoubleFromTheFirstUpToTheLongestAndStopAfterTheLastAttempt() {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            waits.add(this.backoff.after(attempt, 0.0));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofSeconds(960), Duration.ofSeconds(1920),
                Duration.ofHours(1), Duration.ofHours(1), null);
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        assertThat(this.backoff.after(1, 0.5)).isEqualTo(Duration.ofSeconds(27));
        assertThat(this.backoff.after(1, 0.999999)).isBetween(Duration.ofSeconds(24), Duration.ofMillis(24001));
        assertThat(this.backoff.after(8, 0.999999)).isBetween(Duration.ofMinutes(48), Duration.ofMillis(2_880_001));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0, 1).after(1, 0.3)).isNull();
    }

}
