package org.smscampaign.money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Amounts converted into the reporting currency: their total, and what could not be
 * converted for want of a rate (kept apart, never added).
 *
 * @param total the sum in the reporting currency
 * @param unconverted per currency without a rate on the amount's day: the sum in that
 * currency and the number of items
 */
public record Converted(BigDecimal total, List<Unconverted> unconverted) {

    /** Amounts in one currency that have no exchange rate for their day. */
    public record Unconverted(String currency, BigDecimal amount, long items) {

    }

}
