package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a launch would send, computed by rendering every recipient's message for real
 * (merge fields, links at their true length).
 *
 * @param recipients who would get a message now
 * @param excludedUnsubscribed matching contacts who are not subscribed
 * @param excludedSuppressed subscribed contacts whose number is suppressed
 * @param capped over the frequency cap
 * @param holdout in the holdout group
 * @param waitingForWinner held back for the A/B test's winner
 * @param outsideWindow recipients whose time falls outside their allowed hours (held or
 * skipped by the campaign's policy)
 * @param estimatedCost by the price table per destination country and channel
 * @param completesAt when the last message would go out at the sender's pace
 * @param sampleLink a short link as the messages carry it: the brand's link address and a
 * code of the true length
 * @param cascade a cascade's expected cost against SMS only, or null for a single channel
 */
public record Preflight(int recipients, int excludedUnsubscribed, int excludedSuppressed, int capped, int holdout,
        int waitingForWinner, List<VariantPreflight> variants, long totalSegments, Map<Integer, Integer> segmentCounts,
        int fellBack, int outsideWindow, BigDecimal estimatedCost, String currency, Instant completesAt,
        List<Warning> warnings, String sampleLink, CascadeForecast cascade) {

    /** A preflight of a single-channel campaign. */
    public Preflight(int recipients, int excludedUnsubscribed, int excludedSuppressed, int capped, int holdout,
            int waitingForWinner, List<VariantPreflight> variants, long totalSegments,
            Map<Integer, Integer> segmentCounts, int fellBack, int outsideWindow, BigDecimal estimatedCost,
            String currency, Instant completesAt, List<Warning> warnings, String sampleLink) {
        this(recipients, excludedUnsubscribed, excludedSuppressed, capped, holdout, waitingForWinner, variants,
                totalSegments, segmentCounts, fellBack, outsideWindow, estimatedCost, currency, completesAt, warnings,
                sampleLink, null);
    }

    /** The same preflight with a cascade's forecast, whose expected cost it shows. */
    public Preflight withCascade(CascadeForecast forecast) {
        return new Preflight(this.recipients, this.excludedUnsubscribed, this.excludedSuppressed, this.capped,
                this.holdout, this.waitingForWinner, this.variants, this.totalSegments, this.segmentCounts,
                this.fellBack, this.outsideWindow, forecast.expectedCost(), forecast.currency(), this.completesAt,
                this.warnings, this.sampleLink, forecast);
    }

    /** One variant's texts. */
    public record VariantPreflight(String label, int recipients, String encoding, Set<String> ucs2Characters,
            int minSegments, int maxSegments, long segments, String sample) {

    }

    /**
     * Something the author should know before launching.
     *
     * @param blocking an error that stops the launch ({@code LINK_REFUSED},
     * {@code LINK_ADDRESS}, {@code GOAL_MET_BY_DEFINITION}, {@code GOAL_NOT_MEASURABLE},
     * {@code COUPON_POOL_SHORT}, {@code COUPON_PATTERN_WEAK})
     */
    public record Warning(String code, String message, boolean blocking) {

        /** Codes that stop the launch. */
        public static final Set<String> BLOCKING = Set.of("LINK_REFUSED", "LINK_ADDRESS", "GOAL_MET_BY_DEFINITION",
                "GOAL_NOT_MEASURABLE", "COUPON_POOL_SHORT", "COUPON_PATTERN_WEAK");

        public Warning(String code, String message) {
            this(code, message, BLOCKING.contains(code));
        }

    }

}
