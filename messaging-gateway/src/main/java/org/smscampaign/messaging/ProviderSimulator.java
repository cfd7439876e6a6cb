package org.smscampaign.messaging;

import java.util.Optional;

import org.smscampaign.messaging.provider.SimulatedProvider;
import org.smscampaign.messaging.provider.SmsSender;

import org.springframework.stereotype.Service;

/**
 * The embedded simulator, when it is the provider: how it answers (for demos of failures)
 * and what it received.
 */
@Service
public class ProviderSimulator {

    private final SimulatedProvider simulator;

    ProviderSimulator(SmsSender sender) {
        this.simulator = (sender instanceof SimulatedProvider simulated) ? simulated : null;
    }

    /** Whether the simulator is the provider. */
    public boolean active() {
        return this.simulator != null;
    }

    public Optional<SimulatorBehaviour> behaviour() {
        return Optional.ofNullable(this.simulator).map(SimulatedProvider::behaviour);
    }

    public void behave(SimulatorBehaviour behaviour) {
        if (this.simulator == null) {
            throw new IllegalStateException("The simulator is not the provider (sms.messaging.provider)");
        }
        this.simulator.behave(behaviour);
    }

    /**
     * How many times the simulator received one of our messages (0, or 1 when all is
     * well).
     */
    public long received(long messageId) {
        return (this.simulator != null) ? this.simulator.received(messageId) : 0;
    }

    /**
     * Whether the simulator finds the number on the channel (stable per number; numbers
     * ending in 9 are on neither WhatsApp nor RCS): the others fail with 63003.
     */
    public boolean reachable(Channel channel, String number) {
        if (this.simulator == null) {
            return true;
        }
        MessagingProperties.Simulator settings = this.simulator.settings();
        double share = (channel == Channel.WHATSAPP) ? settings.whatsAppShare() : settings.rcsShare();
        return SimulatedProvider.reachable(channel, number, share);
    }

    /**
     * Whether the person behind the number reads delivered WhatsApp and RCS messages
     * (stable per number): those get a "read" status callback after the read delay.
     */
    public boolean reads(String number) {
        return this.simulator != null && SimulatedProvider.reads(number, this.simulator.settings().readShare());
    }

}
