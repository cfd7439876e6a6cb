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
 * @param hours per hour: taken by the provider, delivered, failed, cost
 * @param replies inbound texts attributed to the campaign, by kind (OPT_OUT, OPT_IN,
 * HELP, REPLY)
 * @param refreshedAt when the figures were recomputed, or null if never
 */
public record MessageFigures(long campaignId, List<Total> totals, List<Hour> hours, Map<String, Long> replies,
        Instant refreshedAt) {

    /** Messages of one variant on one channel in one status. */
    public record Total(String variant, Channel channel, MessageStatus status, long messages, long segments,
            BigDecimal cost) {

    }

    /** One hour of one variant. */
    public record Hour(String variant, Instant hour, long sent, long delivered, long failed, BigDecimal cost) {

    }

}
