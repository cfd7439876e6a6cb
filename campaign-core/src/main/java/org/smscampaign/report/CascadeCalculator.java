package org.smscampaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.money.DatedAmount;
import org.smscampaign.money.RateTable;

/**
 * The figures by cascade step and channel and the savings against SMS only
 * (docs/metrics.md, "Channels and cascade steps"): one definition for dashboard, CSV, API
 * and period reports.
 */
final class CascadeCalculator {

    private CascadeCalculator() {
    }

    /**
     * Who clicked and converted, and where each of them was delivered to.
     *
     * @param deliveries contact id to the winning step of its chain
     */
    record Outcomes(Map<Long, MessageFigures.Delivery> deliveries, long[] humanClickers,
            List<CampaignClickFigures.ContactConversions> conversions) {

        static final Outcomes NONE = new Outcomes(Map.of(), new long[0], List.of());

        /** The contacts whose delivery is asked for: clickers and converters. */
        static long[] contactsOf(long[] humanClickers, List<CampaignClickFigures.ContactConversions> conversions) {
            Set<Long> contacts = new HashSet<>();
            for (long contact : humanClickers) {
                contacts.add(contact);
            }
            conversions.stream()
                .map(CampaignClickFigures.ContactConversions::contactId)
                .filter((c) -> c != null)
                .forEach(contacts::add);
            return contacts.stream().mapToLong(Long::longValue).toArray();
        }

    }

    /**
     * Cascades against SMS only, converted into the reporting currency at the rate of the
     * first message's day; null without cascades that went out.
     */
    static CampaignReport.Savings savings(List<MessageFigures.CascadeCost> costs, RateTable rates) {
        List<MessageFigures.CascadeCost> baseline = costs.stream().filter((c) -> c.kind().equals("BASELINE")).toList();
        if (baseline.isEmpty()) {
            return null;
        }
        long chains = baseline.stream().mapToLong(MessageFigures.CascadeCost::chains).sum();
        BigDecimal smsOnly = MoneyCalculator.cents(convert(baseline, rates));
        BigDecimal actual = MoneyCalculator
            .cents(convert(costs.stream().filter((c) -> c.kind().equals("ACTUAL")).toList(), rates));
        BigDecimal saved = smsOnly.subtract(actual);
        return new CampaignReport.Savings(chains, smsOnly, actual, saved, Ratios.percent(saved, smsOnly));
    }

    private static BigDecimal convert(List<MessageFigures.CascadeCost> costs, RateTable rates) {
        return rates
            .convert(
                    costs.stream().map((c) -> new DatedAmount(c.hour(), c.currency(), c.amount(), c.chains())).toList())
            .total();
    }

    /** Whether the campaign used more than one channel or a cascade. */
    static boolean applies(MessageFigures messages) {
        List<MessageFigures.Step> steps = messages.steps();
        return !messages.cascadeCosts().isEmpty() || steps.stream().anyMatch((s) -> s.step() > 1)
                || steps.stream().map(MessageFigures.Step::channel).distinct().count() > 1;
    }

    /**
     * By step and by channel, for campaigns that used more than one channel or a cascade;
     * null otherwise (and when the steps were not read).
     */
    static CampaignReport.Cascade of(MessageFigures messages, Outcomes outcomes, RateTable rates) {
        if (!applies(messages)) {
            return null;
        }
        List<MessageFigures.Step> steps = messages.steps();
        Map<String, long[]> people = new TreeMap<>(); // key step:channel -> clickers,
                                                      // conversions
        Map<String, List<DatedAmount>> revenue = new TreeMap<>();
        String nowhere = "";
        for (long contact : outcomes.humanClickers()) {
            people.computeIfAbsent(key(outcomes.deliveries().get(contact)), (k) -> new long[2])[0]++;
        }
        for (CampaignClickFigures.ContactConversions c : outcomes.conversions()) {
            MessageFigures.Delivery at = (c.contactId() != null) ? outcomes.deliveries().get(c.contactId()) : null;
            String key = key(at);
            people.computeIfAbsent(key, (k) -> new long[2])[1] += c.conversions();
            if (c.currency() != null && c.amount() != null) {
                revenue.computeIfAbsent(key, (k) -> new ArrayList<>())
                    .add(new DatedAmount(c.hour(), c.currency(), c.amount(), c.conversions()));
            }
        }
        List<CampaignReport.StepResult> results = new ArrayList<>();
        for (MessageFigures.Step s : steps) {
            String key = s.step() + ":" + s.channel();
            long[] p = people.getOrDefault(key, new long[2]);
            BigDecimal cost = MoneyCalculator.cents(
                    rates
                        .convert(messages.stepCosts()
                            .stream()
                            .filter((c) -> c.step() == s.step() && c.channel() == s.channel()
                                    && !c.source().equals("NONE"))
                            .map((c) -> new DatedAmount(c.hour(), c.currency(), c.amount(), c.messages()))
                            .toList())
                        .total());
            results.add(new CampaignReport.StepResult(s.step(), s.channel().name(), s.messages(), s.sent(),
                    s.delivered(), s.read(), s.failed(), s.handedOn(), s.withdrawn(), s.pending(), s.won(), p[0], p[1],
                    money(revenue.get(key), rates), cost, seconds(s.deliveryP50Ms()), seconds(s.deliveryP90Ms()),
                    seconds(s.chainP50Ms()), seconds(s.chainP90Ms())));
        }
        long[] lost = people.getOrDefault(nowhere, new long[2]);
        return new CampaignReport.Cascade(results, channels(results),
                new CampaignReport.Unattributed(lost[0], lost[1], money(revenue.get(nowhere), rates)),
                savings(messages.cascadeCosts(), rates));
    }

    private static List<CampaignReport.ChannelResult> channels(List<CampaignReport.StepResult> steps) {
        Map<String, List<CampaignReport.StepResult>> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            steps.stream()
                .filter((s) -> s.channel().equals(channel.name()))
                .forEach((s) -> byChannel.computeIfAbsent(s.channel(), (k) -> new ArrayList<>()).add(s));
        }
        List<CampaignReport.ChannelResult> channels = new ArrayList<>();
        byChannel.forEach((channel, rows) -> {
            long delivered = rows.stream().mapToLong(CampaignReport.StepResult::delivered).sum();
            BigDecimal cost = rows.stream()
                .map(CampaignReport.StepResult::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            channels.add(new CampaignReport.ChannelResult(channel,
                    rows.stream().mapToLong(CampaignReport.StepResult::messages).sum(),
                    rows.stream().mapToLong(CampaignReport.StepResult::sent).sum(), delivered,
                    rows.stream().mapToLong(CampaignReport.StepResult::read).sum(),
                    rows.stream().mapToLong(CampaignReport.StepResult::failed).sum(),
                    rows.stream().mapToLong(CampaignReport.StepResult::handedOn).sum(),
                    rows.stream().mapToLong(CampaignReport.StepResult::won).sum(),
                    rows.stream().mapToLong(CampaignReport.StepResult::humanClickers).sum(),
                    rows.stream().mapToLong(CampaignReport.StepResult::conversions).sum(),
                    rows.stream().map(CampaignReport.StepResult::revenue).reduce(BigDecimal.ZERO, BigDecimal::add),
                    cost, Ratios.per(cost, delivered)));
        });
        return channels;
    }

    private static String key(MessageFigures.Delivery delivery) {
        return (delivery != null) ? delivery.step() + ":" + delivery.channel() : "";
    }

    private static BigDecimal money(List<DatedAmount> amounts, RateTable rates) {
        return MoneyCalculator.cents((amounts != null) ? rates.convert(amounts).total() : BigDecimal.ZERO);
    }

    private static Double seconds(Long millis) {
        return (millis != null)
                ? BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP).doubleValue()
                : null;
    }

}
