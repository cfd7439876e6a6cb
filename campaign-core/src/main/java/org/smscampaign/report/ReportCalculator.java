package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.smscampaign.campaign.AbTestStatus;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalState;
import org.smscampaign.link.ClickFigures;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.ReplyKind;
import org.smscampaign.messaging.ResponseFigures;
import org.smscampaign.money.RateTable;

/**
 * The one place where figures become a report: every definition of
 * {@code docs/metrics.md} is here, so page, CSV, report and API cannot disagree.
 */
final class ReportCalculator {

    static final Set<MessageStatus> PENDING = EnumSet.of(MessageStatus.QUEUED, MessageStatus.CLAIMED,
            MessageStatus.SENDING);

    static final Set<MessageStatus> SENT = EnumSet.of(MessageStatus.ACCEPTED, MessageStatus.SENT,
            MessageStatus.DELIVERED, MessageStatus.UNDELIVERED);

    private ReportCalculator() {
    }

    /** Messages in some statuses, from counts by status. */
    static long count(java.util.Map<MessageStatus, Long> counts, Set<MessageStatus> statuses) {
        return counts.entrySet()
            .stream()
            .filter((e) -> statuses.contains(e.getKey()))
            .mapToLong(java.util.Map.Entry::getValue)
            .sum();
    }

    static CampaignReport report(CampaignView campaign, MessageFigures messages, ClickFigures clicks, Instant now,
            RateTable exchange) {
        return report(campaign, messages, clicks, List.of(), null, now, exchange, null);
    }

    /**
     * @param conversionsByEvent the campaign's counted conversions per event (goals on
     * one event); null when not read (such goals show no live figure)
     */
    static CampaignReport report(CampaignView campaign, MessageFigures messages, ClickFigures clicks,
            List<CampaignReport.AudienceSlice> audience, CampaignReport.Holdout holdout, Instant now,
            RateTable exchange, Map<String, Long> conversionsByEvent) {
        return report(campaign, messages, clicks, audience, holdout, now, exchange, conversionsByEvent, null);
    }

    static CampaignReport report(CampaignView campaign, MessageFigures messages, ClickFigures clicks,
            List<CampaignReport.AudienceSlice> audience, CampaignReport.Holdout holdout, Instant now,
            RateTable exchange, Map<String, Long> conversionsByEvent, AbTestStatus abTest) {
        return report(campaign, messages, clicks, audience, holdout, now, exchange, conversionsByEvent, abTest,
                CascadeCalculator.Outcomes.NONE);
    }

    /**
     * @param outcomes who clicked and converted and where they were delivered to (the
     * figures by step and channel)
     */
    static CampaignReport report(CampaignView campaign, MessageFigures messages, ClickFigures clicks,
            List<CampaignReport.AudienceSlice> audience, CampaignReport.Holdout holdout, Instant now,
            RateTable exchange, Map<String, Long> conversionsByEvent, AbTestStatus abTest,
            CascadeCalculator.Outcomes outcomes) {
        return report(campaign, messages, clicks, audience, holdout, now, exchange, conversionsByEvent, abTest,
                outcomes, ResponseFunnel.Input.NONE);
    }

    /**
     * @param responded who responded and which of them converted (the response funnel)
     */
    static CampaignReport report(CampaignView campaign, MessageFigures messages, ClickFigures clicks,
            List<CampaignReport.AudienceSlice> audience, CampaignReport.Holdout holdout, Instant now,
            RateTable exchange, Map<String, Long> conversionsByEvent, AbTestStatus abTest,
            CascadeCalculator.Outcomes outcomes, ResponseFunnel.Input responded) {
        CampaignReport.Funnel funnel = funnel(campaign, messages, clicks);
        CampaignReport.Rates rates = rates(funnel, messages);
        CampaignReport.Responses responses = ResponseFunnel.of(campaign, funnel, messages, responded);
        CampaignReport.Money money = MoneyCalculator.money(campaign.draft(), messages.totals(), messages.costs(),
                messages.cascadeCosts(), clicks.revenue(), funnel.humanClickers(), funnel.conversions(), true,
                exchange);
        Instant launchedAt = (campaign.launch() != null) ? campaign.launch().at() : null;
        Instant evaluationEndsAt = (launchedAt != null)
                ? launchedAt.plus(Duration.ofDays(campaign.draft().evaluationDays())) : null;
        List<CampaignReport.GoalResult> goals = campaign.draft()
            .goals()
            .stream()
            .map((goal) -> goal(goal, campaign.stateOf(goal),
                    new GoalFigures(funnel, rates, money, conversionsByEvent, responses), evaluationEndsAt, now))
            .toList();
        return new CampaignReport(campaign.id(), campaign.name(), campaign.status(), launchedAt, evaluationEndsAt,
                exchange.currency(), funnel, rates, money, goals,
                AbTestResults.decide(campaign, variants(campaign, messages, clicks, exchange), abTest),
                campaign.winnerVariant(), series(messages, clicks),
                clicks.excluded()
                    .stream()
                    .map((e) -> new CampaignReport.Breakdown(e.reason().name(), e.hits(), 0))
                    .toList(),
                clicks.targets()
                    .stream()
                    .map((t) -> new CampaignReport.Breakdown(t.target(), t.hits(), t.humanClickers()))
                    .toList(),
                clicks.delays().stream().map((d) -> new CampaignReport.Delay(d.hours(), d.humanClickers())).toList(),
                audience, holdout, oldest(messages.refreshedAt(), clicks.refreshedAt()),
                AbTestResults.summary(campaign, abTest), CascadeCalculator.of(messages, outcomes, exchange), responses);
    }

    private static CampaignReport.Funnel funnel(CampaignView campaign, MessageFigures messages, ClickFigures clicks) {
        CampaignView.Launch launch = campaign.launch();
        return new CampaignReport.Funnel((launch != null) ? launch.audience() : 0,
                (launch != null) ? launch.holdout() : 0, (launch != null) ? launch.capped() : 0,
                (launch != null) ? launch.waiting() : 0, messages(messages, (t) -> true),
                messages(messages, (t) -> PENDING.contains(t.status())),
                messages(messages, (t) -> SENT.contains(t.status())), status(messages, MessageStatus.DELIVERED),
                status(messages, MessageStatus.FAILED), status(messages, MessageStatus.UNDELIVERED),
                status(messages, MessageStatus.UNKNOWN), status(messages, MessageStatus.SUPPRESSED),
                status(messages, MessageStatus.SKIPPED), status(messages, MessageStatus.CANCELED),
                clicks.hours().stream().mapToLong(ClickFigures.Hour::clickers).sum(),
                clicks.hours().stream().mapToLong(ClickFigures.Hour::humanClickers).sum(),
                clicks.hours().stream().mapToLong(ClickFigures.Hour::conversions).sum(),
                clicks.hours().stream().mapToLong(ClickFigures.Hour::hits).sum(),
                clicks.hours().stream().mapToLong(ClickFigures.Hour::humanHits).sum());
    }

    private static long messages(MessageFigures messages, Predicate<MessageFigures.Total> which) {
        return messages.totals().stream().filter(which).mapToLong(MessageFigures.Total::messages).sum();
    }

    private static long status(MessageFigures messages, MessageStatus status) {
        return messages(messages, (t) -> t.status() == status);
    }

    private static CampaignReport.Rates rates(CampaignReport.Funnel funnel, MessageFigures messages) {
        long optOuts = messages.replies().getOrDefault("OPT_OUT", 0L);
        // Responses only: STOP, START and HELP are keywords, not replies to the message.
        long replies = messages.replies()
            .entrySet()
            .stream()
            .filter((e) -> ReplyKind.valueOf(e.getKey()).isResponse())
            .mapToLong(Map.Entry::getValue)
            .sum();
        long queries = messages.replies().getOrDefault(ReplyKind.QUERY.name(), 0L);
        return new CampaignReport.Rates(Ratios.percent(funnel.delivered(), funnel.sent()),
                Ratios.percent(funnel.humanClickers(), funnel.delivered()),
                Ratios.percent(funnel.clickers(), funnel.delivered()),
                Ratios.percent(funnel.conversions(), funnel.delivered()),
                Ratios.percent(funnel.conversions(), funnel.humanClickers()),
                Ratios.percent(optOuts, funnel.delivered()), Ratios.percent(replies, funnel.delivered()), optOuts,
                replies, queries,
                Ratios.percent(funnel.failed() + funnel.undelivered(), funnel.sent() + funnel.failed()));
    }

    /**
     * One campaign's part in a period [from, to): the events that fell into it (messages
     * the provider took, final statuses, first human clicks, conversions, their value and
     * cost), by the same definitions and money as its dashboard; fixed costs fall on the
     * moment of launch.
     */
    static PeriodSummary.CampaignPeriod period(CampaignView campaign, MessageFigures messages, ClickFigures clicks,
            Instant from, Instant to, RateTable exchange, List<CampaignReport.GoalResult> goals) {
        return period(campaign, messages, clicks, from, to, exchange, goals, ResponseFigures.Counts.NONE);
    }

    /**
     * The period with its responses.
     * @param responded numbers whose responses and queries arrived in the period
     */
    static PeriodSummary.CampaignPeriod period(CampaignView campaign, MessageFigures messages, ClickFigures clicks,
            Instant from, Instant to, RateTable exchange, List<CampaignReport.GoalResult> goals,
            ResponseFigures.Counts responded) {
        long sent = messages.hours().stream().mapToLong(MessageFigures.Hour::sent).sum();
        long delivered = messages.hours().stream().mapToLong(MessageFigures.Hour::delivered).sum();
        long failed = messages.hours().stream().mapToLong(MessageFigures.Hour::failed).sum();
        long undelivered = messages.hours().stream().mapToLong(MessageFigures.Hour::undelivered).sum();
        long clickers = clicks.hours().stream().mapToLong(ClickFigures.Hour::humanClickers).sum();
        long conversions = clicks.hours().stream().mapToLong(ClickFigures.Hour::conversions).sum();
        Instant launchedAt = (campaign.launch() != null) ? campaign.launch().at() : null;
        CampaignReport.Money money = MoneyCalculator.money(campaign.draft(), List.of(), messages.costs(),
                messages.cascadeCosts(), clicks.revenue(), clickers, conversions,
                MoneyCalculator.within(launchedAt, from, to), exchange);
        return new PeriodSummary.CampaignPeriod(campaign.id(), campaign.name(), campaign.status().name(), sent,
                delivered, failed, undelivered, Ratios.percent(delivered, sent), clickers,
                Ratios.percent(clickers, delivered), conversions, money.revenue(), money.messageCost(),
                money.fixedCosts().add(money.conversionCosts()), money.cost(), money.profit(), money.roi(),
                money.unconverted(), goals, money.cascadeSavings(), responded.responders(),
                Ratios.percent(responded.responders(), delivered), responded.queriers(),
                Ratios.percent(responded.queriers(), delivered));
    }

    /** The figures goals are measured on: the dashboard's own. */
    record GoalFigures(CampaignReport.Funnel funnel, CampaignReport.Rates rates, CampaignReport.Money money,
            Map<String, Long> conversionsByEvent, CampaignReport.Responses responses) {

        GoalFigures(CampaignReport.Funnel funnel, CampaignReport.Rates rates, CampaignReport.Money money,
                Map<String, Long> conversionsByEvent) {
            this(funnel, rates, money, conversionsByEvent, null);
        }

    }

    /**
     * A goal against its target: the frozen verdict and figure once judged (the figure
     * now beside it, as "after judgement"), else the verdict as it stands.
     */
    static CampaignReport.GoalResult goal(CampaignDraft.Goal goal, GoalState state, GoalFigures figures,
            Instant evaluationEndsAt, Instant now) {
        GoalMetric metric = goal.metric();
        BigDecimal figure = figure(goal, figures);
        List<GoalState.Change> changes = (state != null) ? state.changes() : List.of();
        BigDecimal original = (state != null) ? state.originalTarget() : goal.target();
        if (state != null && state.judged()) {
            return new CampaignReport.GoalResult(metric, goal.label(), goal.target(), state.judgedFigure(),
                    Boolean.TRUE.equals(state.passed()) ? GoalVerdict.PASSED : GoalVerdict.FAILED, goal.event(),
                    goal.direction(), metric.unit(), metric.howMeasured(), original, changes, state.judgedAt(), figure);
        }
        GoalVerdict verdict = verdict(goal, figure, figures.funnel().delivered(), evaluationEndsAt, now);
        return new CampaignReport.GoalResult(metric, goal.label(), goal.target(), figure, verdict, goal.event(),
                goal.direction(), metric.unit(), metric.howMeasured(), original, changes, null, null);
    }

    /**
     * As it stands: not started before anything is delivered; on track or failing while
     * the window is open (reached for a count that already made it); passed or failed
     * once it closed, until the judging job freezes that.
     */
    static GoalVerdict verdict(CampaignDraft.Goal goal, BigDecimal figure, long delivered, Instant evaluationEndsAt,
            Instant now) {
        boolean met = goal.direction().met(figure, goal.target());
        if (evaluationEndsAt == null || (delivered == 0 && !now.isAfter(evaluationEndsAt))) {
            return GoalVerdict.NOT_STARTED;
        }
        if (!now.isBefore(evaluationEndsAt)) {
            return met ? GoalVerdict.PASSED : GoalVerdict.FAILED;
        }
        if (met && goal.metric().cumulative() && goal.direction() == GoalDirection.AT_LEAST) {
            return GoalVerdict.REACHED;
        }
        return met ? GoalVerdict.ON_TRACK : GoalVerdict.FAILING;
    }

    /** A goal's figure, by the dashboard's definition of it; null where undefined. */
    static BigDecimal figure(CampaignDraft.Goal goal, GoalFigures figures) {
        CampaignReport.Rates rates = figures.rates();
        CampaignReport.Money money = figures.money();
        return switch (goal.metric()) {
            case HUMAN_CTR -> decimal(rates.humanCtr());
            case CONVERSIONS -> goal.event().isEmpty() ? BigDecimal.valueOf(figures.funnel().conversions())
                    : (figures.conversionsByEvent() != null)
                            ? BigDecimal.valueOf(figures.conversionsByEvent().getOrDefault(goal.event(), 0L)) : null;
            case REVENUE -> money.revenue();
            case PROFIT -> money.profit();
            case ROI -> decimal(money.roi());
            case REPLIES -> BigDecimal.valueOf(rates.replies());
            case QUERIES -> (figures.responses() != null) ? BigDecimal.valueOf(figures.responses().queries()) : null;
            case RESPONSES ->
                (figures.responses() != null) ? BigDecimal.valueOf(figures.responses().responders()) : null;
            case RESPONSE_RATE -> (figures.responses() != null) ? decimal(figures.responses().responseRate()) : null;
            case ANSWER_RATE -> (figures.responses() != null) ? decimal(figures.responses().answerRate()) : null;
            case COST_PER_CONVERSION -> money.costPerConversion();
            case COST_PER_CLICK -> money.costPerClick();
            case OPT_OUT_RATE -> decimal(rates.optOut());
            case UNDELIVERED_RATE -> decimal(rates.undelivered());
        };
    }

    private static List<CampaignReport.VariantResult> variants(CampaignView campaign, MessageFigures messages,
            ClickFigures clicks, RateTable exchange) {
        List<CampaignReport.VariantResult> results = new ArrayList<>();
        Double controlCtr = null;
        for (CampaignDraft.Variant variant : campaign.draft().variants()) {
            String label = variant.label();
            long sent = messages(messages, (t) -> t.variant().equals(label) && SENT.contains(t.status()));
            long delivered = messages(messages,
                    (t) -> t.variant().equals(label) && t.status() == MessageStatus.DELIVERED);
            List<ClickFigures.Hour> hours = clicks.hours().stream().filter((h) -> h.variant().equals(label)).toList();
            long clickers = hours.stream().mapToLong(ClickFigures.Hour::humanClickers).sum();
            long conversions = hours.stream().mapToLong(ClickFigures.Hour::conversions).sum();
            BigDecimal revenue = MoneyCalculator
                .cents(MoneyCalculator.revenue(clicks.revenue(), (r) -> r.variant().equals(label), exchange).total());
            Double ctr = Ratios.percent(clickers, delivered);
            boolean control = results.isEmpty();
            if (control) {
                controlCtr = ctr;
            }
            Double difference = (!control && ctr != null && controlCtr != null) ? ctr - controlCtr : null;
            // The confidence comes from the always-valid p (AbTestResults).
            results.add(new CampaignReport.VariantResult(label, sent, delivered, clickers, ctr, conversions, revenue,
                    difference, null, label.equals(campaign.winnerVariant())));
        }
        return results;
    }

    /** The holdout comparison from its four counts; null without a holdout group. */
    static CampaignReport.Holdout holdout(long holdout, long holdoutConverters, long treated, long treatedConverters) {
        if (holdout == 0) {
            return null;
        }
        Double holdoutRate = Ratios.percent(holdoutConverters, holdout);
        Double treatedRate = Ratios.percent(treatedConverters, treated);
        Double lift = (holdoutRate != null && treatedRate != null) ? treatedRate - holdoutRate : null;
        return new CampaignReport.Holdout(holdout, holdoutConverters, holdoutRate, treated, treatedConverters,
                treatedRate, lift, VariantTest.confidence(holdoutConverters, holdout, treatedConverters, treated));
    }

    private static List<CampaignReport.Point> series(MessageFigures messages, ClickFigures clicks) {
        Map<Instant, long[]> hours = new TreeMap<>();
        for (MessageFigures.Hour hour : messages.hours()) {
            long[] point = hours.computeIfAbsent(hour.hour(), (h) -> new long[5]);
            point[0] += hour.sent();
            point[1] += hour.delivered();
        }
        for (ClickFigures.Hour hour : clicks.hours()) {
            long[] point = hours.computeIfAbsent(hour.hour(), (h) -> new long[5]);
            point[2] += hour.humanHits();
            point[3] += hour.humanClickers();
            point[4] += hour.conversions();
        }
        return hours.entrySet()
            .stream()
            .map((e) -> new CampaignReport.Point(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                    e.getValue()[3], e.getValue()[4]))
            .toList();
    }

    private static BigDecimal decimal(Double value) {
        return (value != null) ? BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP) : null;
    }

    private static Instant oldest(Instant a, Instant b) {
        if (a == null || b == null) {
            return (a != null) ? a : b;
        }
        return a.isBefore(b) ? a : b;
    }

}
