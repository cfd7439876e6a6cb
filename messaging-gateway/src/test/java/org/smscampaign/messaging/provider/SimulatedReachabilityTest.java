package org.smscampaign.messaging.provider;

import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's reachability and readers: stable per number, at the configured shares.
 */
class SimulatedReachabilityTest {

    private static String number(int i) {
        return "+4917" + String.format("%09d", i * 7919L % 1_000_000_000L);
    }

    @Test
    void reachabilityIsStablePerNumberAndNearTheShare() {
        long onWhatsApp = IntStream.range(0, 20_000)
            .filter((i) -> SimulatedProvider.reachable(Channel.WHATSAPP, number(i), 0.7))
            .count();
        long onRcs = IntStream.range(0, 20_000)
            .filter((i) -> SimulatedProvider.reachable(Channel.RCS, number(i), 0.5))
            .count();

        // A tenth of numbers end in 9 and are on neither: 0.9 × share.
        assertThat(onWhatsApp / 20_000.0).isBetween(0.9 * 0.7 - 0.02, 0.9 * 0.7 + 0.02);
        assertThat(onRcs / 20_000.0).isBetween(0.9 * 0.5 - 0.02, 0.9 * 0.5 + 0.02);
        for (int i = 0; i < 200; i++) {
            assertThat(SimulatedProvider.reachable(Channel.WHATSAPP, number(i), 0.7))
                .isEqualTo(SimulatedProvider.reachable(Channel.WHATSAPP, "whatsapp:" + number(i), 0.7));
        }
    }

    @Test
    void numbersEndingIn9AreOnNeitherChannelEvenAtFullShare() {
        assertThat(SimulatedProvider.reachable(Channel.WHATSAPP, "+4917612345679", 1.0)).isFalse();
        assertThat(SimulatedProvider.reachable(Channel.RCS, "+4917612345679", 1.0)).isFalse();
        assertThat(SimulatedProvider.reachable(Channel.SMS, "+4917612345679", 0.0)).isTrue();
        assertThat(SimulatedProvider.reachable(Channel.WHATSAPP, "+4917612345671", 1.0)).isTrue();
        assertThat(SimulatedProvider.reads("+4917612345671", 1.0)).isTrue();
        assertThat(SimulatedProvider.reads("+4917612345671", 0.0)).isFalse();
    }

    @Test
    void theSharesBindFromTheirDocumentedNames() {
        MessagingProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("sms.messaging.simulator.whatsapp-share", "0.25", "sms.messaging.simulator.rcs-share", "0.35",
                        "sms.messaging.simulator.read-share", "0.45", "sms.messaging.simulator.read-delay", "7s")))
            .bindOrCreate("sms.messaging", MessagingProperties.class);

        assertThat(properties.simulator().whatsAppShare()).isEqualTo(0.25);
        assertThat(properties.simulator().rcsShare()).isEqualTo(0.35);
        assertThat(properties.simulator().readShare()).isEqualTo(0.45);
        assertThat(properties.simulator().readDelay()).hasSeconds(7);
    }

}
