package org.smscampaign.alert.rules;

import java.util.List;

/** The median of some values (the mean of the middle two for an even count). */
public final class Medians {

    private Medians() {
    }

    /** Null for no values. */
    public static Double of(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

}
