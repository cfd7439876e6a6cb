package org.smscampaign.campaign.abtest;

/**
 * The mixture likelihood ratio of Johari, Pekelis and Walsh ("Always Valid Inference",
 * 2017) for the difference of two proportions, in its normal approximation with a normal
 * mixing distribution N(0, tau^2) over the difference.
 */
public final class Msprt {

    private Msprt() {
    }

    /**
     * Lambda = sqrt(V / (V + tau^2)) * exp(d^2 tau^2 / (2 V (V + tau^2))), where d is the
     * variant's rate minus the control's and V its variance under no difference (the
     * pooled rate). 1 when V is 0 (no evidence either way).
     */
    public static double ratio(Arm control, Arm variant, double mixingVariance) {
        if (control.delivered() == 0 || variant.delivered() == 0) {
            return 1;
        }
        double pooled = (double) (control.successes() + variant.successes())
                / (control.delivered() + variant.delivered());
        double v = pooled * (1 - pooled) * (1.0 / control.delivered() + 1.0 / variant.delivered());
        if (v <= 0) {
            return 1;
        }
        double d = variant.rate() - control.rate();
        double t2 = mixingVariance;
        double log = 0.5 * Math.log(v / (v + t2)) + d * d * t2 / (2 * v * (v + t2));
        return Math.exp(Math.min(log, 700));
    }

    /** The always-valid p after this look: min(previous, 1 / Lambda), at most 1. */
    public static double pValue(double previous, double ratio) {
        return Math.min(Math.min(previous, 1.0), 1 / ratio);
    }

}
