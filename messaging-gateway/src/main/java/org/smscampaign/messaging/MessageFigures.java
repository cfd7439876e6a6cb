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
 * HELP, KEYWORD, QUERY, OTHER)
 * @param refreshedAt when the figures were recomputed, or null if never
 */
public record MessageFigures(long campaignId, List<Total> totals, List<Hour> hours, List<Cost> costs,
        Map<String, Long> replies, Instant refreshedAt, List<Step> steps, List<StepCost> stepCosts,
        List<CascadeCost> cascadeCosts) {

    public MessageFigures {
        steps = (steps != null) ? steps : List.of();
        stepCosts = (stepCosts != null) ? stepCosts : List.of();
        cascadeCosts = (cascadeCosts != null) ? cascadeCosts : List.of();
    }

    /** Figures without steps or cascades. */
    public MessageFigures(long campaignId, List<Total> totals, List<Hour> hours, List<Cost> costs,
            Map<String, Long> replies, Instant refreshedAt) {
        this(campaignId, totals, hours, costs, replies, refreshedAt, List.of(), List.of(), List.of());
    }

    /**
     * The messages of one cascade step (1 = first; 1 for messages without cascade) on one
     * channel.
     *
     * @param sent taken by the provider (accepted, sent, delivered, undelivered)
     * @param failed failed or undelivered
     * @param handedOn passed to a later step of their chain
     * @param withdrawn canceled (an earlier step delivered, or the campaign stopped)
     * @param pending queued or being sent
     * @param won delivered and the last delivered step of their chain
     * @param deliveryP50Ms median from this step's sending to its delivery receipt; null
     * without deliveries (so are the others)
     * @param chainP50Ms median from the chain's first sending to this step's delivery,
     * over the chains this step won
     */
    public record Step(int step, Channel channel, long messages, long sent, long delivered, long read, long failed,
            long handedOn, long withdrawn, long pending, long won, Long deliveryP50Ms, Long deliveryP90Ms,
            Long chainP50Ms, Long chainP90Ms) {

    }

    /** The cost of one step on one channel in one hour, currency and source. */
    public record StepCost(int step, Channel channel, Instant hour, String currency, String source, long messages,
            BigDecimal amount) {

    }

    /**
     * Cascades that went out, by the hour of their first message.
     *
     * @param kind BASELINE (what their recipients would have cost by SMS alone) or ACTUAL
     * (what every step of them cost)
     */
    public record CascadeCost(String kind, Instant hour, String currency, long chains, BigDecimal amount) {

    }

    /** Where a contact's message of the campaign was delivered: the winning step. */
    public record Delivery(int step, Channel channel) {

    }

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
