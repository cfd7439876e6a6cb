package org.smscampaign.alert.rules;

import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/** The median of some values (the mean of the middle two for an even count). */
public final class Medians {

    private Medians() {
    }

    /** Null for no values. */
    public static Double of(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

}
