package org.smscampaign.messaging;

import java.math.BigDecimal;

/**
 * What a campaign's messages cost on one channel: messages sent (or tried), delivered,
 * and the cost (the provider's price where known, else the estimate).
 */
public record ChannelCosts(Channel channel, long messages, long delivered, long segments, BigDecimal cost) {

}
