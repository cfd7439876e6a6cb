package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.smscampaign.messaging.DeliveredWhen;
import org.smscampaign.messaging.SendWindow;

/**
 * A campaign as its author writes it.
 *
 * @param sender a configured sender
 * @param brandId the link brand of its short links (null: the default brand)
 * @param optOutLine append the opt-out line ("Reply STOP to opt out") to every message
 * (absent: yes)
 * @param signature appended to every message (a brand name), or null
 * @param holdoutPercent share of the audience that receives nothing (lift measurement)
 * @param winner an A/B test on part of the audience before the winner goes to the rest,
 * or null
 * @param costs costs besides the messages (agency fee, creative, a coupon's discount per
 * conversion), in the reporting currency
 * @param cascade the channels tried in turn for each recipient, or null for the sender's
 * channel only
 * @param replyKeywords words people may text back to respond to the campaign
 * @param coupons a unique coupon code for each recipient ({@code {{coupon}}} in the
 * texts), or null for none
 */
public record CampaignDraft(String name, String sender, Long brandId, Audience audience, List<Variant> variants,
        Schedule schedule, SendWindow.Policy windowPolicy,
        @Schema(defaultValue = "true", description = "append the opt-out line") Boolean optOutLine, String signature,
        @Schema(defaultValue = "0", description = "share of the audience held out (lift)") int holdoutPercent,
        Winner winner, List<Goal> goals,
        @Schema(defaultValue = "7", description = "days after sending that conversions count") int attributionDays,
        @Schema(defaultValue = "7", description = "days after sending that goals are judged") int evaluationDays,
        List<Cost> costs, Cascade cascade, List<ReplyKeyword> replyKeywords, Coupons coupons) {

    /** A campaign without reply keywords or coupon codes. */
    public CampaignDraft(String name, String sender, Long brandId, Audience audience, List<Variant> variants,
            Schedule schedule, SendWindow.Policy windowPolicy, boolean optOutLine, String signature, int holdoutPercent,
            Winner winner, List<Goal> goals, int attributionDays, int evaluationDays, List<Cost> costs,
            Cascade cascade) {
        this(name, sender, brandId, audience, variants, schedule, windowPolicy, optOutLine, signature, holdoutPercent,
                winner, goals, attributionDays, evaluationDays, costs, cascade, List.of(), null);
    }

    /** A campaign on its sender's channel only (no cascade). */
    public CampaignDraft(String name, String sender, Long brandId, Audience audience, List<Variant> variants,
            Schedule schedule, SendWindow.Policy windowPolicy, boolean optOutLine, String signature, int holdoutPercent,
            Winner winner, List<Goal> goals, int attributionDays, int evaluationDays, List<Cost> costs) {
        this(name, sender, brandId, audience, variants, schedule, windowPolicy, optOutLine, signature, holdoutPercent,
                winner, goals, attributionDays, evaluationDays, costs, null);
    }

    /** The same draft with another cascade (null: single channel). */
    public CampaignDraft withCascade(Cascade cascade) {
        return new CampaignDraft(this.name, this.sender, this.brandId, this.audience, this.variants, this.schedule,
                this.windowPolicy, this.optOutLine, this.signature, this.holdoutPercent, this.winner, this.goals,
                this.attributionDays, this.evaluationDays, this.costs, cascade, this.replyKeywords, this.coupons);
    }

    /** The same draft with other reply keywords. */
    public CampaignDraft withReplyKeywords(List<ReplyKeyword> keywords) {
        return new CampaignDraft(this.name, this.sender, this.brandId, this.audience, this.variants, this.schedule,
                this.windowPolicy, this.optOutLine, this.signature, this.holdoutPercent, this.winner, this.goals,
                this.attributionDays, this.evaluationDays, this.costs, this.cascade, keywords, this.coupons);
    }

    /** The same draft with other coupon settings (null: no codes). */
    public CampaignDraft withCoupons(Coupons coupons) {
        return new CampaignDraft(this.name, this.sender, this.brandId, this.audience, this.variants, this.schedule,
                this.windowPolicy, this.optOutLine, this.signature, this.holdoutPercent, this.winner, this.goals,
                this.attributionDays, this.evaluationDays, this.costs, this.cascade, this.replyKeywords, coupons);
    }

    public CampaignDraft {
        variants = (variants != null) ? lettered(variants) : List.of();
        goals = (goals != null) ? List.copyOf(goals) : List.of();
        costs = (costs != null) ? List.copyOf(costs) : List.of();
        replyKeywords = (replyKeywords != null) ? List.copyOf(replyKeywords) : List.of();
        audience = (audience != null) ? audience : new Audience(List.of(), List.of(), List.of(), List.of());
        schedule = (schedule != null) ? schedule : Schedule.now();
        windowPolicy = (windowPolicy != null) ? windowPolicy : SendWindow.Policy.HOLD;
        optOutLine = !Boolean.FALSE.equals(optOutLine); // left out: the line is added
        attributionDays = (attributionDays > 0) ? attributionDays : 7;
        evaluationDays = (evaluationDays > 0) ? evaluationDays : 7;
    }

    /** Texts without a label take the letter of their place (A, B, ...). */
    private static List<Variant> lettered(List<Variant> variants) {
        List<Variant> lettered = new java.util.ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            boolean unlabelled = variant != null && (variant.label() == null || variant.label().isBlank()) && i < 26;
            lettered.add(unlabelled ? new Variant(String.valueOf((char) ('A' + i)), variant.body(), variant.split())
                    : variant);
        }
        return java.util.Collections.unmodifiableList(lettered);
    }

    /**
     * Segments and lists included, and excluded, or everyone subscribed. Nobody is the
     * default: an audience with no segment, no list and not {@code everyone} sends to no
     * one (a draft may be saved so, but not launched). Unsubscribed and suppressed:
     * always out.
     *
     * @param everyone every subscribed contact (minus the excluded segments and lists),
     * chosen explicitly; never null (absent is false)
     */
    public record Audience(List<Long> segments, List<Long> lists, List<Long> excludedSegments, List<Long> excludedLists,
            Boolean everyone) {

        public Audience {
            everyone = Boolean.TRUE.equals(everyone); // may be left out of JSON: absent
                                                      // is no
            segments = (segments != null) ? List.copyOf(segments) : List.of();
            lists = (lists != null) ? List.copyOf(lists) : List.of();
            excludedSegments = (excludedSegments != null) ? List.copyOf(excludedSegments) : List.of();
            excludedLists = (excludedLists != null) ? List.copyOf(excludedLists) : List.of();
        }

        /** Segments and lists in and out, without "everyone". */
        public Audience(List<Long> segments, List<Long> lists, List<Long> excludedSegments, List<Long> excludedLists) {
            this(segments, lists, excludedSegments, excludedLists, false);
        }

        /** Nobody chosen yet: no segment, no list, and not everyone. */
        public boolean isEmpty() {
            return !this.everyone && this.segments.isEmpty() && this.lists.isEmpty();
        }

    }

    /**
     * A text and the share of the audience that gets it.
     *
     * @param body the template: merge fields {@code {{first_name|there}}}, custom
     * attributes {@code {{points|0}}}, tracked links
     * {@code {{link:https://shop.example/sale}}}
     */
    public record Variant(@Schema(description = "A, B, ...; absent: the letter of its place") String label, String body,
            @Schema(defaultValue = "0", description = "percent of the audience; all 0: equal shares") int split) {

    }

    /** When it sends: now, at a moment, or at a local time in each recipient's zone. */
    public record Schedule(ScheduleType type, Instant at, LocalDate localDate, LocalTime localTime) {

        public static Schedule now() {
            return new Schedule(ScheduleType.NOW, null, null, null);
        }

    }

    /** Send now, at one moment, or at each recipient's local time. */
    public enum ScheduleType {

        NOW, AT, LOCAL_TIME

    }

    /**
     * The A/B test: its share of the audience, how long it runs, what decides, and how
     * sure the decision must be (docs/metrics.md, "A/B decisions").
     *
     * @param confidence in percent (default 95): a winner needs an always-valid p below 1
     * - confidence, split between the variants compared with the control
     * @param minimumSample delivered messages each variant needs before it may win
     * (default 1,000)
     * @param fallback what happens when the window ends without a significant winner
     * (default: send the control)
     */
    public record Winner(int testPercent, int testHours, WinnerMetric metric, BigDecimal confidence,
            Integer minimumSample, WinnerFallback fallback) {

        public static final BigDecimal DEFAULT_CONFIDENCE = new BigDecimal("95");

        public static final int DEFAULT_MINIMUM_SAMPLE = 1_000;

        public Winner {
            confidence = (confidence != null) ? confidence : DEFAULT_CONFIDENCE;
            minimumSample = (minimumSample != null) ? minimumSample : DEFAULT_MINIMUM_SAMPLE;
            fallback = (fallback != null) ? fallback : WinnerFallback.SEND_CONTROL;
        }

        /** A test with the default confidence, minimum sample and fallback. */
        public Winner(int testPercent, int testHours, WinnerMetric metric) {
            this(testPercent, testHours, metric, null, null, null);
        }

    }

    /** When the test window ends without a significant winner. */
    public enum WinnerFallback {

        /** Send the control (the first variant) to those who waited. */
        SEND_CONTROL,
        /** Send the variant with the higher rate, significant or not. */
        SEND_HIGHER_RATE,
        /** Send nothing more: those who waited get no message. */
        STOP

    }

    /** What chooses the winner. */
    public enum WinnerMetric {

        HUMAN_CTR, CONVERSIONS

    }

    /**
     * A goal declared before launch: a figure, the side of the target it must end on, and
     * the target.
     *
     * @param event the conversion event a CONVERSIONS goal counts ({@code lead},
     * {@code sale}); empty for every event and for other measures
     * @param direction read only: that of the metric
     */
    public record Goal(GoalMetric metric, BigDecimal target, String event, GoalDirection direction) {

        public Goal {
            event = (event != null && metric != null && metric.takesEvent()) ? event.strip().toLowerCase() : "";
            direction = (metric != null) ? metric.direction() : null;
        }

        public Goal(GoalMetric metric, BigDecimal target) {
            this(metric, target, "", null);
        }

        public Goal(GoalMetric metric, BigDecimal target, String event) {
            this(metric, target, event, null);
        }

        /** The measure as people read it: "Conversions (lead)". */
        public String label() {
            return (this.metric == null) ? ""
                    : this.metric.label() + (this.event.isEmpty() ? "" : " (" + this.event + ")");
        }

    }

    /**
     * A cost of the campaign besides its messages, in the reporting currency: FIXED once
     * (an agency fee, the creative), or PER_CONVERSION (a coupon's discount, a
     * commission) for each attributed conversion.
     */
    public record Cost(String label, CostKind kind, BigDecimal amount) {

    }

    /** Once, or per conversion. */
    public enum CostKind {

        FIXED, PER_CONVERSION

    }

    /**
     * The channels tried in turn for each recipient until one delivers: as listed, or
     * cheapest first by the price table for the recipient's country. A step's channel is
     * its sender's; the SMS step (the campaign's own sender) is the last resort.
     */
    public record Cascade(CascadeOrder order, List<CascadeStep> steps) {

        public Cascade {
            order = (order != null) ? order : CascadeOrder.MANUAL;
            steps = (steps != null) ? List.copyOf(steps) : List.of();
        }

    }

    /** How the steps of a cascade are ordered for each recipient. */
    public enum CascadeOrder {

        /** As the author listed them. */
        MANUAL,
        /** Cheapest first by the price table for the recipient's country. */
        CHEAPEST

    }

    /**
     * One channel of a cascade.
     *
     * @param sender a configured sender: its channel is the step's
     * @param timeoutMinutes not delivered (or read) within it: the next step is tried
     * @param deliveredWhen what counts as delivered (READ only on WhatsApp and RCS)
     * @param body RCS: the step's own text (merge fields and links as in variants), null
     * for the variant's text
     * @param template WhatsApp: the approved template and its variables, else null
     */
    public record CascadeStep(String sender, int timeoutMinutes, DeliveredWhen deliveredWhen, String body,
            StepTemplate template) {

        public CascadeStep {
            deliveredWhen = (deliveredWhen != null) ? deliveredWhen : DeliveredWhen.DELIVERED;
            body = (body != null && !body.isBlank()) ? body.strip() : null;
        }

    }

    /**
     * An approved WhatsApp template and its variables' values, which may use merge fields
     * ({@code {{first_name|there}}}) and tracked links ({@code {{link:https://…}}}).
     */
    public record StepTemplate(String sid, Map<String, String> variables) {

        public StepTemplate {
            variables = (variables != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables))
                    : Map.of();
        }

    }

    /**
     * A word people may text back ("Reply SHOES for the catalogue"): the text is then the
     * campaign's response, may get an automatic answer and may put the person on a list.
     *
     * @param keyword one word of letters and digits (compared in upper case)
     * @param variant the variant that declares it, or null for the whole campaign
     * @param answer the automatic answer (merge fields such as
     * {@code {{first_name|there}}}), or null for none
     * @param listId the contact list the person is added to, or null
     */
    public record ReplyKeyword(String keyword, String variant, String answer, Long listId) {

        public ReplyKeyword {
            // As the gateway reads a keyword text.
            keyword = (keyword != null) ? org.smscampaign.messaging.ReplyKeywords.keywordOf(keyword) : null;
            variant = (variant != null && !variant.isBlank()) ? variant.strip() : null;
            answer = (answer != null && !answer.isBlank()) ? answer.strip() : null;
        }

    }

    /**
     * Where each recipient's coupon code comes from.
     *
     * @param source GENERATED from the pattern, or drawn from an imported POOL
     * @param pattern for GENERATED: literal text and groups in braces, where {@code A} is
     * a letter without look-alikes (no I or O), {@code 9} a digit and {@code X} either,
     * e.g. {@code SPRING-{AAAA}{9999}}
     * @param poolId for POOL: the pool the codes are drawn from
     */
    public record Coupons(CouponSource source, String pattern, Long poolId) {

        public Coupons {
            pattern = (pattern != null && !pattern.isBlank()) ? pattern.strip() : null;
        }

    }

    /** Generated from a pattern, or drawn from an imported pool. */
    public enum CouponSource {

        GENERATED, POOL

    }

}
