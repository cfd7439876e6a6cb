package org.smscampaign.messaging;

import java.time.Duration;

/**
 * One step of a cascade: a channel and sender, how long to wait for delivery before the
 * next step is tried, and what counts as delivered. Each step's message is priced by the
 * price table for its channel and destination, like any other.
 */
public record ChainStep(Channel channel, String sender, Duration timeout, DeliveredWhen deliveredWhen) {

    public ChainStep {
        deliveredWhen = (deliveredWhen != null) ? deliveredWhen : DeliveredWhen.DELIVERED;
    }

    /** A step that counts the delivery receipt. */
    public ChainStep(Channel channel, String sender, Duration timeout) {
        this(channel, sender, timeout, DeliveredWhen.DELIVERED);
    }

}
