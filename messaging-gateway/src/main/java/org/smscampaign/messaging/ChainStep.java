package org.smscampaign.messaging;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One step of a cascade: a channel and sender, how long to wait for delivery before the
 * next step is tried, and the price of a segment on it (for cost and savings).
 */
public record ChainStep(Channel channel, String sender, Duration timeout, BigDecimal costPerSegment) {

}
