package org.smscampaign.web.format;

import java.math.BigDecimal;
import java.util.List;

/**
 * Decimals as a person types and reads them: a value stripped of trailing zeros prints as
 * {@code 5E+2} through {@link BigDecimal#toString()}, which forms and pages use; here it
 * is 500 again.
 */
public final class PlainDecimals {

    private PlainDecimals() {
    }

    /** The value without trailing zeros and never with an exponent (null stays null). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
    }

    /** Each value plain (a list bound from a form may hold nulls). */
    public static List<BigDecimal> plain(List<BigDecimal> values) {
        return (values != null) ? values.stream().map(PlainDecimals::plain).toList() : null;
    }

}
