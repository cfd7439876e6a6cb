package org.smscampaign.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts in other currencies convert at the latest rate valid on their own day; without
 * one they are kept apart, never added raw.
 */
class RateTableTest {

    private static final RateTable RATES = new RateTable("USD", List.of(rate("EUR", "2026-11-01", "1.0800"),
            rate("EUR", "2026-12-01", "1.1000"), rate("GBP", "2026-11-01", "1.2700")));

    private static ExchangeRate rate(String currency, String from, String rate) {
        return new ExchangeRate(currency, "USD", LocalDate.parse(from), new BigDecimal(rate), "admin", Instant.EPOCH);
    }

    private static DatedAmount amount(String at, String currency, String amount) {
        return new DatedAmount(Instant.parse(at), currency, new BigDecimal(amount), 1);
    }

    @Test
    void eachAmountConvertsAtTheRateOfItsOwnDay() {
        Converted converted = RATES
            .convert(List.of(amount("2026-11-30T23:59:00Z", "EUR", "100"), amount("2026-12-01T00:00:00Z", "EUR", "100"),
                    amount("2026-12-03T10:00:00Z", "USD", "5.50"), amount("2026-11-15T10:00:00Z", "GBP", "10")));

        // 100 EUR at 1.08, 100 EUR at 1.10, 5.50 USD, 10 GBP at 1.27
        assertThat(converted.total()).isEqualByComparingTo("236.20");
        assertThat(converted.unconverted()).isEmpty();
    }

    @Test
    void anAmountWithoutARateIsListedApartAndNotAdded() {
        Converted converted = RATES.convert(
                List.of(amount("2026-12-02T10:00:00Z", "JPY", "12000"), amount("2026-12-02T11:00:00Z", "JPY", "3000"),
                        amount("2026-10-31T10:00:00Z", "EUR", "50"), amount("2026-12-02T10:00:00Z", "USD", "20")));

        assertThat(converted.total()).as("only the USD amount").isEqualByComparingTo("20");
        assertThat(converted.unconverted()).containsExactly(new Converted.Unconverted("EUR", new BigDecimal("50"), 1),
                new Converted.Unconverted("JPY", new BigDecimal("15000"), 2));
    }

    @Test
    void ratesIntoAnotherReportingCurrencyAreNotUsed() {
        RateTable inPounds = new RateTable("GBP", List.of(rate("EUR", "2026-11-01", "1.08"), new ExchangeRate("EUR",
                "GBP", LocalDate.parse("2026-11-01"), new BigDecimal("0.85"), "admin", Instant.EPOCH)));
        assertThat(inPounds.rate("EUR", LocalDate.parse("2026-12-01"))).isEqualByComparingTo("0.85");
        assertThat(RATES.rate("EUR", LocalDate.parse("2026-12-05"))).isEqualByComparingTo("1.1000");
        assertThat(RATES.rate("usd", LocalDate.parse("2026-12-05"))).isEqualByComparingTo("1");
    }

}
