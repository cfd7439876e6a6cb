package org.smscampaign.web.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.web.format.PlainDecimals;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The campaign form: the audience (segments and lists in and out, or everyone
 * subscribed), three variant slots (a blank one is no variant), the schedule as the
 * browser's date and time inputs in ISO form (UTC for a fixed moment), rows of goals
 * (measure, event, target; {@code goalCtr} to {@code goalRoi} are still read from older
 * pages), rows of other costs, the channels: SMS only, or a cascade of step slots (see
 * {@link CascadeRows}), and rows of reply keywords (see {@link KeywordRows}).
 */
record CampaignForm(String name, String sender, List<Long> segments, List<Long> lists, List<Long> excludedSegments,
        List<Long> excludedLists, boolean everyoneSubscribed, String bodyA, Integer splitA, String bodyB,
        Integer splitB, String bodyC, Integer splitC, String scheduleType,
        @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime sendAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate localDate,
        @DateTimeFormat(pattern = TIME, fallbackPatterns = TIME_SECONDS) LocalTime localTime, String windowPolicy,
        boolean optOutLine, String signature, Integer holdoutPercent, boolean abTest, Integer testPercent,
        Integer testHours, String winnerMetric, BigDecimal goalCtr, BigDecimal goalConversions, BigDecimal goalRevenue,
        BigDecimal goalRoi, Integer attributionDays, Integer evaluationDays, List<String> costLabel,
        List<String> costKind, List<BigDecimal> costAmount, Long brandId, BigDecimal winnerConfidence,
        Integer winnerMinimumSample, String winnerFallback, List<String> goalMetric, List<String> goalEvent,
        List<BigDecimal> goalTarget, String channels, String cascadeOrder, List<String> stepSender,
        List<Integer> stepTimeout, List<String> stepDeliveredWhen, List<String> stepBody, List<String> stepTemplate,
        List<String> stepVariables, List<String> keyword, List<String> keywordVariant, List<String> keywordAnswer,
        List<String> keywordList, String couponSource, String couponPattern, Long couponPoolId) {

    /** Amounts as people type and read them: 500, never 5E+2 in a field. */
    CampaignForm {
        goalCtr = PlainDecimals.plain(goalCtr);
        goalConversions = PlainDecimals.plain(goalConversions);
        goalRevenue = PlainDecimals.plain(goalRevenue);
        goalRoi = PlainDecimals.plain(goalRoi);
        costAmount = PlainDecimals.plain(costAmount);
        goalTarget = PlainDecimals.plain(goalTarget);
        CascadeRows cascade = new CascadeRows(channels, cascadeOrder, stepSender, stepTimeout, stepDeliveredWhen,
                stepBody, stepTemplate, stepVariables)
            .padded();
        channels = cascade.channels();
        cascadeOrder = cascade.cascadeOrder();
        stepSender = cascade.stepSender();
        stepTimeout = cascade.stepTimeout();
        stepDeliveredWhen = cascade.stepDeliveredWhen();
        stepBody = cascade.stepBody();
        stepTemplate = cascade.stepTemplate();
        stepVariables = cascade.stepVariables();
    }

    // What date, time and datetime-local inputs accept and send (browsers reject
    // localized values such as "12/12/26" or "10:30 AM" and show the field blank).
    static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

    static final String DATE_TIME_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

    static final String TIME = "HH:mm";

    static final String TIME_SECONDS = "HH:mm:ss";

    /**
     * A new campaign: no audience and no text (the fields show examples as placeholders),
     * sent at 10:00 when a local time is chosen.
     */
    static CampaignForm empty(String sender, String otherSender) {
        CascadeRows cascade = CascadeRows.of(null, sender, otherSender);
        return new CampaignForm("", sender, List.of(), List.of(), List.of(), List.of(), false, "", 50, "", 50, "", 0,
                "NOW", null, null, LocalTime.of(10, 0), "HOLD", true, "", 0, false, 20, 4, "HUMAN_CTR", null, null,
                null, null, 7, 7, CostRows.of(List.of()).costLabel(), CostRows.of(List.of()).costKind(),
                CostRows.of(List.of()).costAmount(), null, CampaignDraft.Winner.DEFAULT_CONFIDENCE,
                CampaignDraft.Winner.DEFAULT_MINIMUM_SAMPLE, CampaignDraft.WinnerFallback.SEND_CONTROL.name(),
                GoalRows.of(List.of()).goalMetric(), GoalRows.of(List.of()).goalEvent(),
                GoalRows.of(List.of()).goalTarget(), cascade.channels(), cascade.cascadeOrder(), cascade.stepSender(),
                cascade.stepTimeout(), cascade.stepDeliveredWhen(), cascade.stepBody(), cascade.stepTemplate(),
                cascade.stepVariables(), KeywordRows.of(List.of()).keyword(),
                KeywordRows.of(List.of()).keywordVariant(), KeywordRows.of(List.of()).keywordAnswer(),
                KeywordRows.of(List.of()).keywordList(), "", null, null);
    }

    static CampaignForm of(CampaignView campaign, String otherSender) {
        CampaignDraft draft = campaign.draft();
        CascadeRows cascade = CascadeRows.of(draft.cascade(), draft.sender(), otherSender);
        CostRows costs = CostRows.of(draft.costs());
        List<CampaignDraft.Variant> variants = draft.variants();
        CampaignDraft.Schedule schedule = draft.schedule();
        CampaignDraft.Winner winner = draft.winner();
        GoalRows goals = GoalRows.of(draft.goals());
        KeywordRows keywords = KeywordRows.of(draft.replyKeywords());
        return new CampaignForm(draft.name(), draft.sender(), draft.audience().segments(), draft.audience().lists(),
                draft.audience().excludedSegments(), draft.audience().excludedLists(), draft.audience().everyone(),
                body(variants, 0), split(variants, 0), body(variants, 1), split(variants, 1), body(variants, 2),
                split(variants, 2), schedule.type().name(),
                (schedule.at() != null) ? LocalDateTime.ofInstant(schedule.at(), ZoneOffset.UTC) : null,
                schedule.localDate(), schedule.localTime(), draft.windowPolicy().name(), draft.optOutLine(),
                draft.signature(), draft.holdoutPercent(), winner != null, (winner != null) ? winner.testPercent() : 20,
                (winner != null) ? winner.testHours() : 4, (winner != null) ? winner.metric().name() : "HUMAN_CTR",
                null, null, null, null, draft.attributionDays(), draft.evaluationDays(), costs.costLabel(),
                costs.costKind(), costs.costAmount(), draft.brandId(),
                (winner != null) ? winner.confidence() : CampaignDraft.Winner.DEFAULT_CONFIDENCE,
                (winner != null) ? winner.minimumSample() : CampaignDraft.Winner.DEFAULT_MINIMUM_SAMPLE,
                (winner != null) ? winner.fallback().name() : CampaignDraft.WinnerFallback.SEND_CONTROL.name(),
                goals.goalMetric(), goals.goalEvent(), goals.goalTarget(), cascade.channels(), cascade.cascadeOrder(),
                cascade.stepSender(), cascade.stepTimeout(), cascade.stepDeliveredWhen(), cascade.stepBody(),
                cascade.stepTemplate(), cascade.stepVariables(), keywords.keyword(), keywords.keywordVariant(),
                keywords.keywordAnswer(), keywords.keywordList(),
                (draft.coupons() != null && draft.coupons().source() != null) ? draft.coupons().source().name() : "",
                (draft.coupons() != null) ? draft.coupons().pattern() : null,
                (draft.coupons() != null) ? draft.coupons().poolId() : null);
    }

    private static String body(List<CampaignDraft.Variant> variants, int index) {
        return (variants.size() > index) ? variants.get(index).body() : "";
    }

    private static Integer split(List<CampaignDraft.Variant> variants, int index) {
        return (variants.size() > index) ? variants.get(index).split() : 0;
    }

    CampaignDraft draft() {
        List<CampaignDraft.Variant> variants = new ArrayList<>();
        addVariant(variants, "A", this.bodyA, this.splitA);
        addVariant(variants, "B", this.bodyB, this.splitB);
        addVariant(variants, "C", this.bodyC, this.splitC);
        if (variants.size() == 1) {
            variants.set(0, new CampaignDraft.Variant("A", variants.get(0).body(), 100));
        }
        CampaignDraft.ScheduleType type = CampaignDraft.ScheduleType
            .valueOf((this.scheduleType != null) ? this.scheduleType : "NOW");
        Instant at = (this.sendAt != null) ? this.sendAt.toInstant(ZoneOffset.UTC) : null;
        List<CampaignDraft.Goal> goals = new ArrayList<>(
                new GoalRows(this.goalMetric, this.goalEvent, this.goalTarget).goals());
        addGoal(goals, GoalMetric.HUMAN_CTR, this.goalCtr);
        addGoal(goals, GoalMetric.CONVERSIONS, this.goalConversions);
        addGoal(goals, GoalMetric.REVENUE, this.goalRevenue);
        addGoal(goals, GoalMetric.ROI, this.goalRoi);
        CampaignDraft.Winner winner = this.abTest
                ? new CampaignDraft.Winner(value(this.testPercent, 20), value(this.testHours, 4),
                        CampaignDraft.WinnerMetric
                            .valueOf((this.winnerMetric != null) ? this.winnerMetric : "HUMAN_CTR"),
                        PlainDecimals.plain(this.winnerConfidence), this.winnerMinimumSample,
                        (this.winnerFallback != null && !this.winnerFallback.isBlank())
                                ? CampaignDraft.WinnerFallback.valueOf(this.winnerFallback) : null)
                : null;
        return new CampaignDraft(this.name, this.sender, this.brandId,
                new CampaignDraft.Audience(this.segments, this.lists, this.excludedSegments, this.excludedLists,
                        this.everyoneSubscribed),
                variants, new CampaignDraft.Schedule(type, at, this.localDate, this.localTime),
                SendWindow.Policy.valueOf((this.windowPolicy != null) ? this.windowPolicy : "HOLD"), this.optOutLine,
                (this.signature != null && !this.signature.isBlank()) ? this.signature.strip() : null,
                value(this.holdoutPercent, 0), winner, goals, value(this.attributionDays, 7),
                value(this.evaluationDays, 7), new CostRows(this.costLabel, this.costKind, this.costAmount).costs(),
                new CascadeRows(this.channels, this.cascadeOrder, this.stepSender, this.stepTimeout,
                        this.stepDeliveredWhen, this.stepBody, this.stepTemplate, this.stepVariables)
                    .cascade())
            .withReplyKeywords(
                    new KeywordRows(this.keyword, this.keywordVariant, this.keywordAnswer, this.keywordList).keywords())
            .withCoupons(coupons());
    }

    /** The coupon settings chosen: none, generated by the pattern, or a pool. */
    private CampaignDraft.Coupons coupons() {
        if (this.couponSource == null || this.couponSource.isBlank()) {
            return null;
        }
        CampaignDraft.CouponSource source = CampaignDraft.CouponSource.valueOf(this.couponSource);
        return new CampaignDraft.Coupons(source,
                (source == CampaignDraft.CouponSource.GENERATED) ? this.couponPattern : null,
                (source == CampaignDraft.CouponSource.POOL) ? this.couponPoolId : null);

    }

    private static void addVariant(List<CampaignDraft.Variant> variants, String label, String body, Integer split) {
        if (body != null && !body.isBlank()) {
            variants.add(new CampaignDraft.Variant(label, body.strip(), value(split, 0)));
        }
    }

    private static void addGoal(List<CampaignDraft.Goal> goals, GoalMetric metric, BigDecimal target) {
        if (target != null && goals.stream().noneMatch((g) -> g.metric() == metric && g.event().isEmpty())) {
            goals.add(new CampaignDraft.Goal(metric, target));
        }
    }

    private static int value(Integer value, int fallback) {
        return (value != null) ? value : fallback;
    }

}
