package org.smscampaign.platform.replica;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaLagTest {

    static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void unknownUntilTheReplicaIsFirstSeen() {
        ReplicaLag lag = new ReplicaLag();
        lag.primaryAt(T0, 100);
        assertThat(lag.at(T0)).isNull();
        assertThat(lag.usable(T0, MAX)).isFalse();
    }

    @Test
    void theLagIsTheTimeSinceTheNewestPositionTheReplicaReplayed() {
        ReplicaLag lag = new ReplicaLag();
        lag.primaryAt(T0, 100);
        lag.replayed(100);
        assertThat(lag.at(T0.plusMillis(5))).isEqualTo(Duration.ofMillis(5));

        lag.primaryAt(T0.plusSeconds(1), 200);
        lag.primaryAt(T0.plusSeconds(2), 300);
        lag.replayed(250); // has what was committed by T0+1s, not all by T0+2s
        assertThat(lag.at(T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(2));
        assertThat(lag.at(T0.plusSeconds(12))).as("grows while nothing more is replayed")
            .isEqualTo(Duration.ofSeconds(11));
        assertThat(lag.usable(T0.plusSeconds(12), MAX)).isFalse();

        lag.primaryAt(T0.plusSeconds(13), 300); // an idle primary
        lag.replayed(300);
        assertThat(lag.at(T0.plusSeconds(13))).isZero();
        assertThat(lag.usable(T0.plusSeconds(13), MAX)).isTrue();
    }

    @Test
    void downUntilAReplayIsSeenAgain() {
        ReplicaLag lag = new ReplicaLag();
        lag.primaryAt(T0, 100);
        lag.replayed(100);
        lag.down();
        assertThat(lag.usable(T0, MAX)).isFalse();
        lag.primaryAt(T0.plusSeconds(1), 100);
        lag.replayed(100);
        assertThat(lag.usable(T0.plusSeconds(1), MAX)).isTrue();
    }

    @Test
    void positionsReadAsPostgresWritesThem() {
        assertThat(ReplicaLag.parse("0/0")).isZero();
        assertThat(ReplicaLag.parse("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
        assertThat(ReplicaLag.parse("FFFFFFFF/FFFFFFFF")).isEqualTo(-1L);
    }

}
