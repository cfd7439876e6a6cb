package org.smscampaign.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A snapshot of the exchange rates into the reporting currency: converts amounts at the
 * rate of their own day (UTC), the latest rate valid on it. An amount in a currency with
 * no rate on its day is not converted: it is kept apart and shown, never added raw.
 */
public final class RateTable {

    /** Decimals kept while converting (prices have five). */
    private static final int SCALE = 6;

    private final String currency;

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    public RateTable(String currency, List<ExchangeRate> rates) {
        this.currency = currency;
        for (ExchangeRate rate : rates) {
            if (rate.reportingCurrency().equals(currency)) {
                this.rates.computeIfAbsent(rate.currency(), (c) -> new TreeMap<>()).put(rate.validFrom(), rate.rate());
            }
        }
    }

    /** The reporting currency. */
    public String currency() {
        return this.currency;
    }

    /**
     * What one unit of a currency is worth in the reporting currency on a day, or null
     * without a rate for it.
     */
    public BigDecimal rate(String from, LocalDate day) {
        if (from == null || from.isBlank() || from.equalsIgnoreCase(this.currency)) {
            return BigDecimal.ONE;
        }
        NavigableMap<LocalDate, BigDecimal> known = this.rates.get(from.toUpperCase(java.util.Locale.ROOT));
        Map.Entry<LocalDate, BigDecimal> valid = (known != null) ? known.floorEntry(day) : null;
        return (valid != null) ? valid.getValue() : null;
    }

    /** Converts amounts, each at the rate of its own day. */
    public Converted convert(List<DatedAmount> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        Map<String, Converted.Unconverted> missing = new TreeMap<>();
        for (DatedAmount amount : amounts) {
            if (amount.amount() == null || (amount.amount().signum() == 0 && amount.currency().isBlank())) {
                continue;
            }
            BigDecimal rate = rate(amount.currency(), amount.at().atZone(ZoneOffset.UTC).toLocalDate());
            if (rate != null) {
                total = total.add(amount.amount().multiply(rate));
            }
            else {
                missing.merge(amount.currency(),
                        new Converted.Unconverted(amount.currency(), amount.amount(), amount.items()),
                        (a, b) -> new Converted.Unconverted(a.currency(), a.amount().add(b.amount()),
                                a.items() + b.items()));
            }
        }
        return new Converted(total.setScale(SCALE, RoundingMode.HALF_UP), List.copyOf(missing.values()));
    }

}
