package org.smscampaign.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amounts converted into the reporting currency: their total, and what could not be
 * converted for want of a rate (kept apart, never added).
 *
 * @param total the sum in the reporting currency
 * @param unconverted per currency without a rate on the amount's day: the sum in that
 * currency and the number of items
 */
public record Converted(BigDecimal total, List<Unconverted> unconverted) {

    public static final Converted NONE = new Converted(BigDecimal.ZERO, List.of());

    /** Amounts in one currency that have no exchange rate for their day. */
    public record Unconverted(String currency, BigDecimal amount, long items) {

    }

    /** Both together. */
    public Converted plus(Converted other) {
        Map<String, Unconverted> byCurrency = new TreeMap<>();
        for (Unconverted missing : this.unconverted) {
            byCurrency.put(missing.currency(), missing);
        }
        for (Unconverted missing : other.unconverted) {
            byCurrency.merge(missing.currency(), missing,
                    (a, b) -> new Unconverted(a.currency(), a.amount().add(b.amount()), a.items() + b.items()));
        }
        return new Converted(this.total.add(other.total), new ArrayList<>(byCurrency.values()));
    }

    public boolean complete() {
        return this.unconverted.isEmpty();
    }

}
