package org.smscampaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.link.ClickFigures;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.money.Converted;
import org.smscampaign.money.DatedAmount;
import org.smscampaign.money.RateTable;

/**
 * The money figures of {@code docs/metrics.md}, one definition each: message cost (the
 * provider's price, else the price table's estimate) and revenue converted into the
 * reporting currency at the rate of their day, plus the campaign's other costs; profit,
 * ROI, cost per click and per conversion from those. What has no rate is left out of
 * every sum and listed.
 */
final class MoneyCalculator {

    /** Never offered to the provider: not counted per channel. */
    private static final Set<MessageStatus> NOT_TRIED = EnumSet.of(MessageStatus.QUEUED, MessageStatus.CLAIMED,
            MessageStatus.SUPPRESSED, MessageStatus.SKIPPED, MessageStatus.CANCELED);

    private static final int CENTS = 2;

    private MoneyCalculator() {
    }

    /**
     * The money of a campaign, or of its part in a period: costs and revenue as given,
     * other costs per conversion for the conversions given, fixed costs when
     * {@code withFixedCosts}; the cascade savings of the cascades given.
     */
    static CampaignReport.Money money(CampaignDraft draft, List<MessageFigures.Total> totals,
            List<MessageFigures.Cost> costs, List<MessageFigures.CascadeCost> cascadeCosts,
            List<ClickFigures.Revenue> revenue, long humanClickers, long conversions, boolean withFixedCosts,
            RateTable rates) {
        Converted messageCost = messageCost(costs, (c) -> true, rates);
        Converted converted = revenue(revenue, (r) -> true, rates);
        List<CampaignReport.OtherCost> others = new ArrayList<>();
        BigDecimal fixed = BigDecimal.ZERO;
        BigDecimal perConversion = BigDecimal.ZERO;
        for (CampaignDraft.Cost item : draft.costs()) {
            if (item.kind() == CampaignDraft.CostKind.FIXED) {
                BigDecimal amount = withFixedCosts ? item.amount() : BigDecimal.ZERO;
                fixed = fixed.add(amount);
                others
                    .add(new CampaignReport.OtherCost(item.label(), item.kind().name(), item.amount(), cents(amount)));
            }
            else {
                BigDecimal amount = item.amount().multiply(BigDecimal.valueOf(conversions));
                perConversion = perConversion.add(amount);
                others
                    .add(new CampaignReport.OtherCost(item.label(), item.kind().name(), item.amount(), cents(amount)));
            }
        }
        BigDecimal message = cents(messageCost.total());
        BigDecimal cost = message.add(cents(fixed)).add(cents(perConversion));
        BigDecimal revenueTotal = cents(converted.total());
        BigDecimal profit = revenueTotal.subtract(cost);
        List<CampaignReport.ChannelCost> channels = channels(totals, costs, rates);
        List<CampaignReport.Unconverted> unconverted = new ArrayList<>();
        messageCost.unconverted()
            .forEach((u) -> unconverted
                .add(new CampaignReport.Unconverted("COST", u.currency(), u.amount(), u.items())));
        converted.unconverted()
            .forEach((u) -> unconverted
                .add(new CampaignReport.Unconverted("REVENUE", u.currency(), u.amount(), u.items())));
        return new CampaignReport.Money(message, cents(fixed), cents(perConversion), cost, revenueTotal, profit,
                Ratios.percent(profit, cost), Ratios.per(cost, humanClickers), Ratios.per(cost, conversions),
                cascadeSavings(cascadeCosts, rates), channels, others, pricing(costs), unconverted);
    }

    /** Message cost of the rows that match, converted. */
    static Converted messageCost(List<MessageFigures.Cost> costs, Predicate<MessageFigures.Cost> which,
            RateTable rates) {
        return rates.convert(costs.stream()
            .filter(which)
            .filter((c) -> !c.source().equals("NONE"))
            .map((c) -> new DatedAmount(c.hour(), c.currency(), c.amount(), c.messages()))
            .toList());
    }

    /** Revenue of the rows that match, converted. */
    static Converted revenue(List<ClickFigures.Revenue> revenue, Predicate<ClickFigures.Revenue> which,
            RateTable rates) {
        return rates.convert(revenue.stream()
            .filter(which)
            .map((r) -> new DatedAmount(r.hour(), r.currency(), r.amount(), r.conversions()))
            .toList());
    }

    private static CampaignReport.Pricing pricing(List<MessageFigures.Cost> costs) {
        long provider = 0;
        long estimated = 0;
        long unpriced = 0;
        for (MessageFigures.Cost cost : costs) {
            switch (cost.source()) {
                case "PROVIDER" -> provider += cost.messages();
                case "ESTIMATE" -> estimated += cost.messages();
                default -> unpriced += cost.messages();
            }
        }
        return new CampaignReport.Pricing(provider, estimated, unpriced);
    }

    /** Per channel: messages offered to the provider, delivered, their cost. */
    static List<CampaignReport.ChannelCost> channels(List<MessageFigures.Total> totals, List<MessageFigures.Cost> costs,
            RateTable rates) {
        Map<Channel, List<MessageFigures.Total>> byChannel = totals.stream()
            .filter((t) -> !NOT_TRIED.contains(t.status()))
            .collect(Collectors.groupingBy(MessageFigures.Total::channel, TreeMap::new, Collectors.toList()));
        List<CampaignReport.ChannelCost> channels = new ArrayList<>();
        byChannel.forEach((channel, rows) -> {
            long tried = rows.stream().mapToLong(MessageFigures.Total::messages).sum();
            long delivered = rows.stream()
                .filter((t) -> t.status() == MessageStatus.DELIVERED)
                .mapToLong(MessageFigures.Total::messages)
                .sum();
            BigDecimal cost = cents(messageCost(costs, (c) -> c.channel() == channel, rates).total());
            channels.add(new CampaignReport.ChannelCost(channel.name(), tried, delivered, cost,
                    Ratios.per(cost, delivered)));
        });
        return channels;
    }

    /** What the cascades saved against SMS only, or null without cascades. */
    private static BigDecimal cascadeSavings(List<MessageFigures.CascadeCost> cascadeCosts, RateTable rates) {
        CampaignReport.Savings savings = CascadeCalculator.savings(cascadeCosts, rates);
        return (savings != null) ? savings.saved() : null;
    }

    /** Fixed costs fall on the moment of launch (for periods and weeks). */
    static BigDecimal fixedCosts(CampaignDraft draft) {
        return draft.costs()
            .stream()
            .filter((c) -> c.kind() == CampaignDraft.CostKind.FIXED)
            .map(CampaignDraft.Cost::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What each conversion costs besides the messages. */
    static BigDecimal costPerConversion(CampaignDraft draft) {
        return draft.costs()
            .stream()
            .filter((c) -> c.kind() == CampaignDraft.CostKind.PER_CONVERSION)
            .map(CampaignDraft.Cost::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(CENTS, RoundingMode.HALF_UP);
    }

}
