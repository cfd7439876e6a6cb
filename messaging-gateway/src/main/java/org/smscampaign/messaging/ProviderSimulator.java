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

}
