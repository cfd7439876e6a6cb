package org.smscampaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages and money per unit, null where the denominator is zero. */
final class Ratios {

    private Ratios() {
    }

    static Double percent(long part, long whole) {
        return (whole > 0) ? 100.0 * part / whole : null;
    }

    static Double percent(BigDecimal part, BigDecimal whole) {
        return (whole.signum() > 0)
                ? part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_UP).doubleValue() : null;
    }

    static BigDecimal per(BigDecimal amount, long units) {
        return (units > 0) ? amount.divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP) : null;
    }

}
