package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalState;
import org.smscampaign.campaign.GoalUnit;

/**
 * Everything the campaign dashboard shows, by the definitions of {@code docs/metrics.md}.
 * Rates are percentages, null where their denominator is zero.
 *
 * @param evaluationEndsAt when the goals are judged for good (launch + evaluation days)
 * @param refreshedAt when the oldest of the underlying figures was recomputed
 */
public record CampaignReport(long campaignId, String name, CampaignStatus status, Instant launchedAt,
        Instant evaluationEndsAt, String currency, Funnel funnel, Rates rates, Money money, List<GoalResult> goals,
        List<VariantResult> variants, String winner, List<Point> series, List<Breakdown> excluded,
        List<Breakdown> links, List<Delay> clicksAfterDelivery, List<AudienceSlice> audience, Holdout holdout,
        Instant refreshedAt, AbTest abTest, Cascade cascade, Responses responses) {

    /** The report without its response funnel. */
    public CampaignReport(long campaignId, String name, CampaignStatus status, Instant launchedAt,
            Instant evaluationEndsAt, String currency, Funnel funnel, Rates rates, Money money, List<GoalResult> goals,
            List<VariantResult> variants, String winner, List<Point> series, List<Breakdown> excluded,
            List<Breakdown> links, List<Delay> clicksAfterDelivery, List<AudienceSlice> audience, Holdout holdout,
            Instant refreshedAt, AbTest abTest, Cascade cascade) {
        this(campaignId, name, status, launchedAt, evaluationEndsAt, currency, funnel, rates, money, goals, variants,
                winner, series, excluded, links, clicksAfterDelivery, audience, holdout, refreshedAt, abTest, cascade,
                null);
    }

    /** The report without cascade results (a single channel). */
    public CampaignReport(long campaignId, String name, CampaignStatus status, Instant launchedAt,
            Instant evaluationEndsAt, String currency, Funnel funnel, Rates rates, Money money, List<GoalResult> goals,
            List<VariantResult> variants, String winner, List<Point> series, List<Breakdown> excluded,
            List<Breakdown> links, List<Delay> clicksAfterDelivery, List<AudienceSlice> audience, Holdout holdout,
            Instant refreshedAt, AbTest abTest) {
        this(campaignId, name, status, launchedAt, evaluationEndsAt, currency, funnel, rates, money, goals, variants,
                winner, series, excluded, links, clicksAfterDelivery, audience, holdout, refreshedAt, abTest, null);
    }

    /** The report without an A/B test section (overviews, summaries). */
    public CampaignReport(long campaignId, String name, CampaignStatus status, Instant launchedAt,
            Instant evaluationEndsAt, String currency, Funnel funnel, Rates rates, Money money, List<GoalResult> goals,
            List<VariantResult> variants, String winner, List<Point> series, List<Breakdown> excluded,
            List<Breakdown> links, List<Delay> clicksAfterDelivery, List<AudienceSlice> audience, Holdout holdout,
            Instant refreshedAt) {
        this(campaignId, name, status, launchedAt, evaluationEndsAt, currency, funnel, rates, money, goals, variants,
                winner, series, excluded, links, clicksAfterDelivery, audience, holdout, refreshedAt, null);
    }

    /**
     * The campaign's A/B test (docs/metrics.md, "A/B decisions").
     *
     * @param confidence in percent
     * @param metric HUMAN_CTR or CONVERSIONS
     * @param fallback the rule when the window ends without a significant winner
     * @param alphaEach the threshold each variant's always-valid p is held to
     * @param outcome null while testing; SIGNIFICANT, SEND_CONTROL, SEND_HIGHER_RATE or
     * STOP
     * @param explanation what happened and why
     */
    public record AbTest(double confidence, int minimumSample, String metric, String fallback, Instant testEndsAt,
            double alphaEach, String outcome, String explanation, Instant decidedAt) {

        /** Still deciding. */
        public boolean testing() {
            return this.outcome == null;
        }

    }

    /**
     * The campaign against its holdout group: the share of contacts who converted within
     * the attribution window after launch (any conversion reported for the contact),
     * among those sent a message and among those held out.
     *
     * @param lift treated rate minus holdout rate, in percentage points
     * @param confidence 1 - p of a two-sided two-proportion z-test, percent; null for too
     * small a sample
     */
    public record Holdout(long holdout, long holdoutConverters, Double holdoutRate, long treated,
            long treatedConverters, Double treatedRate, Double lift, Double confidence) {

    }

    /**
     * The campaign's results among recipients with one attribute value (age band 25-34,
     * gender female, country DE, a city, an interest).
     *
     * @param dimension AGE, GENDER, COUNTRY, CITY or INTEREST
     * @param humanCtr human clickers per delivered message, percent; null below
     * {@link #MINIMUM_SAMPLE} delivered messages
     */
    public record AudienceSlice(String dimension, String value, long delivered, long humanClickers, Double humanCtr,
            long conversions) {

        /** Delivered messages below which a slice states no CTR. */
        public static final int MINIMUM_SAMPLE = 20;

    }

    /**
     * From audience to conversion.
     *
     * @param pending queued, deferred to the recipient's hours, or being sent
     * @param sent taken by the provider (accepted, sent, delivered or undelivered)
     * @param skipped not sent: outside the recipient's hours under the SKIP policy
     * @param clickers recipients (links) with any hit
     * @param humanClickers recipients with a hit counted as a person's
     */
    public record Funnel(long audience, long holdout, long capped, long waiting, long messages, long pending, long sent,
            long delivered, long failed, long undelivered, long unknown, long suppressed, long skipped, long canceled,
            long clickers, long humanClickers, long conversions, long hits, long humanHits) {

    }

    /**
     * The response funnel (docs/metrics.md, "Response funnel"): delivered, then people
     * who responded (a keyword, query or other text attributed to the campaign; not STOP,
     * START or HELP), those who asked a query, those whose query a person answered, and
     * responders who converted within the attribution window after their first response
     * (any conversion that counts, whichever campaign it is attributed to).
     *
     * @param responders distinct numbers with a response
     * @param queries distinct numbers with a QUERY text
     * @param answered of those, numbers with a query a person answered
     * @param waiting numbers with a query that still waits for an answer
     * @param medianFirstAnswerSeconds median from a number's first query to the first
     * answer, over answered numbers; null without any
     * @param converted responders (known contacts) who converted within the window; null
     * where not computed (overviews)
     * @param answerRate answered per query, percent
     * @param responderConversionRate converted per responder, percent
     * @param clickerConverters people who clicked as a person and have a conversion
     * attributed to the campaign; null where not computed
     * @param clickerConversionRate clickerConverters per human clicker, percent
     * @param attributionDays the window after a first response in which a conversion
     * counts
     */
    public record Responses(long delivered, long responders, long queries, long answered, long waiting,
            Double medianFirstAnswerSeconds, Long converted, Double responseRate, Double queryRate, Double answerRate,
            Double responderConversionRate, Long clickerConverters, Double clickerConversionRate, int attributionDays,
            List<VariantResponses> variants) {

        /**
         * Whether responders buy clearly less than clickers ("many responses, few
         * sales"): both rates known and the responders' below the clickers'.
         */
        public boolean respondersConvertLess() {
            return this.responderConversionRate != null && this.clickerConversionRate != null
                    && this.responderConversionRate < this.clickerConversionRate;
        }

        /**
         * One sentence on what responses led to, as a manager reads it: how many
         * responded, how many of them bought, and how that compares with the people who
         * clicked.
         */
        public String summary() {
            if (this.responders == 0) {
                return "Nobody has responded yet.";
            }
            String people = (this.responders == 1) ? "1 person responded" : this.responders + " people responded";
            if (this.converted == null) {
                return people + ".";
            }
            String bought = "; " + ((this.converted == 0) ? "none of them bought"
                    : this.converted + " of them bought (" + Math.round(this.responderConversionRate) + " %)");
            if (this.clickerConversionRate == null) {
                return people + bought + ".";
            }
            String clickers = Math.round(this.clickerConversionRate) + " % of the people who clicked";
            if (respondersConvertLess()) {
                return people + bought + " — responders convert less than clickers (" + clickers
                        + "): look at how responses are answered.";
            }
            return people + bought + " — responders convert at least as well as clickers (" + clickers + ").";
        }

    }

    /** The response funnel of one variant (by the variant of the message answered). */
    public record VariantResponses(String label, long delivered, long responders, long queries, long answered,
            long waiting, Long converted, Double responseRate, Double responderConversionRate) {

    }

    /**
     * @param reply responses (keyword, query and other texts; no STOP, START or HELP) per
     * delivered message
     * @param replies texts that are responses (keyword, query, other)
     * @param queries texts classified QUERY (a question or request that needs a person)
     * @param undelivered failed or undelivered messages per message offered to the
     * provider, percent
     */
    public record Rates(Double delivery, Double humanCtr, Double rawCtr, Double conversionPerDelivered,
            Double conversionPerClick, Double optOut, Double reply, long optOuts, long replies, long queries,
            Double undelivered) {

    }

    /**
     * Money in the reporting currency.
     *
     * @param messageCost what the messages cost: the provider's price, else the price
     * table's estimate, converted at the rate of the day they were sent
     * @param fixedCosts the campaign's fixed costs (agency fee, creative)
     * @param conversionCosts its costs per conversion times its conversions
     * @param cost all of them together
     * @param revenue the value of attributed conversions, converted at the rate of their
     * day
     * @param profit revenue minus cost
     * @param roi profit per cost, in percent
     * @param costPerClick cost per human clicker
     * @param costPerConversion cost per conversion (CPA)
     * @param cascadeSavings what the campaign's cascades saved against sending their
     * recipients everything by SMS ({@link Savings#saved()}), or null without a cascade
     * @param otherCosts the costs besides the messages, item by item
     * @param pricing how many messages were priced by the provider, by the price table,
     * or not at all
     * @param unconverted amounts in currencies without an exchange rate for their day:
     * left out of every sum above
     */
    public record Money(BigDecimal messageCost, BigDecimal fixedCosts, BigDecimal conversionCosts, BigDecimal cost,
            BigDecimal revenue, BigDecimal profit, Double roi, BigDecimal costPerClick, BigDecimal costPerConversion,
            BigDecimal cascadeSavings, List<ChannelCost> channels, List<OtherCost> otherCosts, Pricing pricing,
            List<Unconverted> unconverted) {

    }

    /**
     * A cost besides the messages.
     *
     * @param kind FIXED or PER_CONVERSION
     * @param unitAmount as set on the campaign (per conversion for PER_CONVERSION)
     * @param amount what it adds to the cost
     */
    public record OtherCost(String label, String kind, BigDecimal unitAmount, BigDecimal amount) {

    }

    /**
     * Where the message cost comes from: messages the provider stated a price for, those
     * priced by the price table (the provider has not stated one yet), and those nothing
     * priced.
     */
    public record Pricing(long providerPriced, long estimated, long unpriced) {

    }

    /**
     * An amount not converted for want of an exchange rate on its day, left out of the
     * sums: listed so nobody mistakes the sums for complete.
     *
     * @param figure COST or REVENUE
     * @param items the messages or conversions it sums
     */
    public record Unconverted(String figure, String currency, BigDecimal amount, long items) {

    }

    /**
     * A campaign's results by cascade step and by channel, and what its cascades saved
     * against SMS only (docs/metrics.md, "Channels and cascade steps"). Clicks and
     * conversions count where the contact's message was delivered (the chain's winning
     * step).
     *
     * @param notDelivered clicks and conversions of contacts with no delivered message
     * @param savings null without cascades that went out
     */
    public record Cascade(List<StepResult> steps, List<ChannelResult> channels, Unattributed notDelivered,
            Savings savings) {

    }

    /**
     * One step of the cascade on one channel.
     *
     * @param step 1 for the first channel tried
     * @param sent taken by the provider
     * @param failed failed or undelivered
     * @param handedOn passed on to a later step (failed, not delivered or read in time)
     * @param withdrawn canceled: an earlier step delivered, or the campaign stopped
     * @param won deliveries that ended their chain (clicks and conversions count here)
     * @param humanClickers contacts whose winning step this was and who clicked as a
     * person
     * @param cost by the one cost model, in the reporting currency
     * @param deliveryMedianSeconds median from this step's sending to its delivery
     * receipt; null without deliveries
     * @param chainMedianSeconds median from the chain's first sending to this step's
     * delivery, over the chains it won
     */
    public record StepResult(int step, String channel, long messages, long sent, long delivered, long read, long failed,
            long handedOn, long withdrawn, long pending, long won, long humanClickers, long conversions,
            BigDecimal revenue, BigDecimal cost, Double deliveryMedianSeconds, Double deliveryP90Seconds,
            Double chainMedianSeconds, Double chainP90Seconds) {

    }

    /** One channel over all steps of the cascade (sums of its steps). */
    public record ChannelResult(String channel, long messages, long sent, long delivered, long read, long failed,
            long handedOn, long won, long humanClickers, long conversions, BigDecimal revenue, BigDecimal cost,
            BigDecimal costPerDelivered) {

    }

    /** Clicks and conversions no delivered message explains (or of no known contact). */
    public record Unattributed(long humanClickers, long conversions, BigDecimal revenue) {

    }

    /**
     * A cascade's cost against sending the same recipients everything by SMS.
     *
     * @param chains cascades that went out (their first message reached the provider or
     * was handed on)
     * @param smsOnlyCost their recipients' SMS price times the SMS text's segments
     * @param cascadeCost what every step of those cascades cost
     * @param saved smsOnlyCost minus cascadeCost
     * @param percent saved per smsOnlyCost; null when that is zero
     */
    public record Savings(long chains, BigDecimal smsOnlyCost, BigDecimal cascadeCost, BigDecimal saved,
            Double percent) {

    }

    public record ChannelCost(String channel, long messages, long delivered, BigDecimal cost,
            BigDecimal costPerDelivered) {

    }

    /**
     * A goal against its target.
     *
     * @param actual the figure: the frozen one once judged
     * @param verdict frozen (PASSED, FAILED) once judged, else as it stands
     * @param event the conversion event it counts, or empty
     * @param originalTarget the target set before launch (null: added after launch)
     * @param changes target changes after launch, oldest first
     * @param judgedAt when the verdict was frozen, or null
     * @param afterJudgement the figure now, once judged (later data); null before
     */
    public record GoalResult(GoalMetric metric, String label, BigDecimal target, BigDecimal actual, GoalVerdict verdict,
            String event, GoalDirection direction, GoalUnit unit, String howMeasured, BigDecimal originalTarget,
            List<GoalState.Change> changes, Instant judgedAt, BigDecimal afterJudgement) {

        /** Whether the verdict is frozen. */
        public boolean judged() {
            return this.judgedAt != null;
        }

    }

    /**
     * One variant against the first (the control).
     *
     * @param ctrDifference human CTR minus the control's, in percentage points
     * @param confidence 1 - the always-valid p, in percent; null for the control or too
     * small a sample
     * @param alwaysValidP the mSPRT's always-valid p-value against the control (the A/B
     * test's metric; human CTR without a test); null for the control or too small a
     * sample
     * @param needsMore delivered messages this variant still needs before the test may
     * decide; null without an A/B test
     * @param decision where this variant stands in the A/B test, in words; null without
     * one
     */
    public record VariantResult(String label, long sent, long delivered, long humanClickers, Double humanCtr,
            long conversions, BigDecimal revenue, Double ctrDifference, Double confidence, boolean winner,
            Double alwaysValidP, Long needsMore, String decision) {

        public VariantResult(String label, long sent, long delivered, long humanClickers, Double humanCtr,
                long conversions, BigDecimal revenue, Double ctrDifference, Double confidence, boolean winner) {
            this(label, sent, delivered, humanClickers, humanCtr, conversions, revenue, ctrDifference, confidence,
                    winner, null, null, null);
        }

    }

    /** One hour of the campaign. */
    public record Point(Instant hour, long sent, long delivered, long humanHits, long humanClickers, long conversions) {

    }

    /** Hits and unique human clickers of one key (an exclusion reason, a destination). */
    public record Breakdown(String key, long hits, long humanClickers) {

    }

    /** Unique human clickers by whole hours from delivery (48 means 48 or more). */
    public record Delay(Integer hours, long humanClickers) {

    }

}
