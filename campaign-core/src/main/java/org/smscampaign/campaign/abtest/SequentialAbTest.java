package org.smscampaign.campaign.abtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides an A/B test from repeated looks: each variant against the control (the first
 * arm) by the mSPRT, at alpha = 1 - confidence split evenly between the comparisons
 * (Bonferroni). A comparison counts only once both arms have the minimum sample and the
 * pooled rate promises a few successes in each; before that its p-value stays at 1.
 *
 * @param confidence e.g. 0.95
 * @param minimumSample delivered messages each arm needs before it may win or lose
 * @param mixingVariance tau^2 of the normal mixing distribution over the difference
 */
public record SequentialAbTest(double confidence, long minimumSample, double mixingVariance) {

    /** tau = 1 percentage point: differences of a CTR's size, tuned by the benchmark. */
    public static final double MIXING_VARIANCE = 0.01 * 0.01;

    /** Expected successes per arm at the pooled rate for the normal approximation. */
    public static final int MIN_EXPECTED_SUCCESSES = 5;

    public SequentialAbTest {
        if (confidence <= 0 || confidence >= 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
    }

    public SequentialAbTest(double confidence, long minimumSample) {
        this(confidence, minimumSample, MIXING_VARIANCE);
    }

    /** The false-winner risk each comparison may spend: (1 - confidence) / (arms - 1). */
    public double alphaEach(int arms) {
        return (1 - this.confidence) / Math.max(1, arms - 1);
    }

    /**
     * One look at the figures.
     * @param arms the control first, then the other variants
     * @param previous each variant's always-valid p of the last look (absent: 1)
     */
    public Look look(List<Arm> arms, Map<String, Double> previous) {
        Arm control = arms.get(0);
        double alpha = alphaEach(arms.size());
        List<ArmResult> results = new ArrayList<>();
        results.add(new ArmResult(control, null, needs(control), false));
        for (Arm arm : arms.subList(1, arms.size())) {
            double p = previous.getOrDefault(arm.label(), 1.0);
            if (eligible(control, arm)) {
                p = Msprt.pValue(p, Msprt.ratio(control, arm, this.mixingVariance));
            }
            results.add(new ArmResult(arm, p, needs(arm), p < alpha));
        }
        return new Look(results, winner(results), alpha);
    }

    private long needs(Arm arm) {
        return Math.max(0, this.minimumSample - arm.delivered());
    }

    private boolean eligible(Arm control, Arm variant) {
        if (control.delivered() < this.minimumSample || variant.delivered() < this.minimumSample) {
            return false;
        }
        double pooled = (double) (control.successes() + variant.successes())
                / (control.delivered() + variant.delivered());
        long fewer = Math.min(control.delivered(), variant.delivered());
        return pooled * fewer >= MIN_EXPECTED_SUCCESSES && (1 - pooled) * fewer >= MIN_EXPECTED_SUCCESSES;
    }

    // The best variant significantly above the control; else the control when it is
    // significantly above every other variant; else no winner yet.
    private static String winner(List<ArmResult> results) {
        ArmResult control = results.get(0);
        ArmResult best = null;
        boolean controlBeatsAll = results.size() > 1;
        for (ArmResult result : results.subList(1, results.size())) {
            boolean above = result.arm().rate() > control.arm().rate();
            if (result.significant() && above && (best == null || result.arm().rate() > best.arm().rate())) {
                best = result;
            }
            controlBeatsAll &= result.significant() && !above;
        }
        if (best != null) {
            return best.arm().label();
        }
        return controlBeatsAll ? control.arm().label() : null;
    }

    /** A variant at one look; the control has no p-value of its own. */
    public record ArmResult(Arm arm, Double alwaysValidP, long needsMore, boolean significant) {

    }

    /**
     * The figures and the decision of one look.
     *
     * @param winner the significant winner, or null
     * @param alphaEach the threshold each variant's p-value is held to
     */
    public record Look(List<ArmResult> arms, String winner, double alphaEach) {

        /** The arm of a label. */
        public ArmResult arm(String label) {
            return this.arms.stream().filter((a) -> a.arm().label().equals(label)).findFirst().orElseThrow();
        }

        /** The variant with the highest rate; the control on a tie. */
        public String higherRate() {
            ArmResult best = this.arms.get(0);
            for (ArmResult result : this.arms) {
                if (result.arm().rate() > best.arm().rate()) {
                    best = result;
                }
            }
            return best.arm().label();
        }

        /**
         * Why the winner won, for the event log and the dashboard: "B won: CTR 5.1 % vs
         * 3.9 %, always-valid p = 0.003 < 0.05, 2,400 and 2,380 delivered".
         */
        public String explainWinner(String rateName) {
            ArmResult control = this.arms.get(0);
            ArmResult winner = arm(this.winner);
            ArmResult other = (winner == control) ? strongestAgainstControl() : winner;
            ArmResult loser = (winner == control) ? other : control;
            return String.format(Locale.ENGLISH, "%s won: %s %s vs %s, always-valid p %s < %s, %,d and %,d delivered",
                    winner.arm().label(), rateName, percent(winner.arm().rate()), percent(loser.arm().rate()),
                    pPhrase(other.alwaysValidP()), decimal(this.alphaEach), winner.arm().delivered(),
                    loser.arm().delivered());
        }

        private ArmResult strongestAgainstControl() {
            ArmResult weakest = this.arms.get(1);
            for (ArmResult result : this.arms.subList(1, this.arms.size())) {
                if (result.alwaysValidP() > weakest.alwaysValidP()) {
                    weakest = result;
                }
            }
            return weakest;
        }

        /** The figures of every variant, for the fallback's explanation. */
        public String figures(String rateName) {
            List<String> parts = new ArrayList<>();
            for (ArmResult result : this.arms) {
                parts.add(String.format(Locale.ENGLISH, "%s %s %s of %,d delivered%s", result.arm().label(), rateName,
                        percent(result.arm().rate()), result.arm().delivered(),
                        (result.alwaysValidP() != null) ? ", always-valid p " + pPhrase(result.alwaysValidP()) : ""));
            }
            return String.join("; ", parts);
        }

        static String percent(double rate) {
            return String.format(Locale.ENGLISH, "%.1f %%", rate * 100);
        }

        /** "= 0.003", or "< 0.001" below that. */
        public static String pPhrase(double p) {
            return (p < 0.001) ? "< 0.001" : "= " + decimal(p);
        }

        static String decimal(double p) {
            return String.format(Locale.ENGLISH, "%.3f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
        }

    }

}
