package org.smscampaign.messaging;

import java.time.Duration;

/**
 * One step of a cascade: a channel and sender, and how long to wait for delivery before
 * the next step is tried. Each step's message is priced by the price table for its
 * channel and destination, like any other.
 */
public record ChainStep(Channel channel, String sender, Duration timeout) {

}
