package org.smscampaign.report;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-proportion z-test of a variant's human CTR against the control's, with the pooled
 * standard error. Below a minimum sample (each side at least 5 clickers and 5
 * non-clickers) the normal approximation does not hold: no confidence is stated.
 */
final class VariantTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private VariantTest() {
    }

    /** Confidence (1 - two-sided p) in percent that the two rates differ, or null. */
    static Double confidence(long clicksA, long deliveredA, long clicksB, long deliveredB) {
        if (!enough(clicksA, deliveredA) || !enough(clicksB, deliveredB)) {
            return null;
        }
        double pA = (double) clicksA / deliveredA;
        double pB = (double) clicksB / deliveredB;
        double pooled = (double) (clicksA + clicksB) / (deliveredA + deliveredB);
        double error = Math.sqrt(pooled * (1 - pooled) * (1.0 / deliveredA + 1.0 / deliveredB));
        if (error == 0) {
            return null;
        }
        double z = Math.abs(pB - pA) / error;
        double p = 2 * (1 - NORMAL.cumulativeProbability(z));
        return 100 * (1 - p);
    }

    private static boolean enough(long clicks, long delivered) {
        return clicks >= 5 && delivered - clicks >= 5;
    }

}
