package org.smscampaign.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign's gateway figures, as last recomputed from its messages (see
 * {@code docs/metrics.md} for each definition).
 *
 * @param totals messages per variant, channel and status
 * @param hours per hour: taken by the provider, delivered, failed, undelivered
 * @param costs what the messages the provider took cost, in their own currencies
 * @param replies inbound texts attributed to the campaign, by kind (OPT_OUT, OPT_IN,
 * HELP, REPLY)
 * @param refreshedAt when the figures were recomputed, or null if never
 */
public record MessageFigures(long campaignId, List<Total> totals, List<Hour> hours, List<Cost> costs,
        Map<String, Long> replies, Instant refreshedAt) {

    /** Messages of one variant on one channel in one status. */
    public record Total(String variant, Channel channel, MessageStatus status, long messages, long segments) {

    }

    /**
     * One hour of one variant: messages the provider took in it (by the sent status set),
     * and those that became delivered, failed or undelivered in it.
     */
    public record Hour(String variant, Instant hour, long sent, long delivered, long failed, long undelivered) {

    }

    /**
     * The cost of messages of one variant on one channel that the provider took in one
     * hour, in one currency, from one source of price.
     *
     * @param currency ISO 4217 code; empty for messages nothing priced
     * @param source PROVIDER (the provider's stated price), ESTIMATE (the price table) or
     * NONE (no price: amount 0)
     */
    public record Cost(String variant, Channel channel, Instant hour, String currency, String source, long messages,
            BigDecimal amount) {

    }

}
