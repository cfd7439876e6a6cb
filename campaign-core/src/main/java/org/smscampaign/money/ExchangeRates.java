package org.smscampaign.money;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange-rate table, edited by admins: dated rates of other currencies into the
 * reporting currency. Reports take a {@link RateTable} snapshot and convert each amount
 * at the rate of its own day.
 */
@Service
public class ExchangeRates {

    private static final int LONGEST_LEAD_DAYS = 366;

    private final JdbcClient jdbc;

    private final String currency;

    private final Clock clock;

    ExchangeRates(JdbcClient jdbc, MoneyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.currency = properties.currency();
        this.clock = clock;
    }

    /** The reporting currency. */
    public String currency() {
        return this.currency;
    }

    /** Every rate into the reporting currency, by currency and newest first. */
    @Transactional(readOnly = true)
    public List<ExchangeRate> list() {
        return this.jdbc.sql("""
                select currency, reporting_currency, valid_from, rate, created_by, created_at from exchange_rate
                where reporting_currency = :reporting order by currency, valid_from desc""")
            .param("reporting", this.currency)
            .query((row, n) -> new ExchangeRate(row.getString("currency"), row.getString("reporting_currency"),
                    row.getDate("valid_from").toLocalDate(), row.getBigDecimal("rate").stripTrailingZeros(),
                    row.getString("created_by"), row.getTimestamp("created_at").toInstant()))
            .list();
    }

    /** The rates as they are now, for converting. */
    @Transactional(readOnly = true)
    public RateTable table() {
        return new RateTable(this.currency, list());
    }

    /**
     * Sets the rate of a currency from a day on (replacing one of that day): one unit of
     * it is worth {@code rate} units of the reporting currency.
     */
    @Transactional
    public ExchangeRate set(String currencyCode, LocalDate validFrom, BigDecimal rate, String by) {
        String code = checkedCurrency(currencyCode);
        if (validFrom == null) {
            throw invalid("validFrom: give the day the rate applies from.");
        }
        if (validFrom.isAfter(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).plusDays(LONGEST_LEAD_DAYS))) {
            throw invalid("validFrom: a rate can be set at most a year ahead.");
        }
        if (rate == null || rate.signum() <= 0) {
            throw invalid("rate: one " + code + " is worth a positive amount of " + this.currency + ".");
        }
        if (rate.precision() - rate.scale() > 10 || rate.scale() > 10) {
            throw invalid("rate: at most 10 digits before and 10 after the decimal point.");
        }
        this.jdbc.sql("""
                insert into exchange_rate (currency, reporting_currency, valid_from, rate, created_by)
                values (:currency, :reporting, :from, :rate, :by)
                on conflict (currency, reporting_currency, valid_from)
                do update set rate = excluded.rate, created_by = excluded.created_by, created_at = now()""")
            .param("currency", code)
            .param("reporting", this.currency)
            .param("from", Date.valueOf(validFrom))
            .param("rate", rate)
            .param("by", by)
            .update();
        return list().stream()
            .filter((r) -> r.currency().equals(code) && r.validFrom().equals(validFrom))
            .findFirst()
            .orElseThrow();
    }

    /** Removes the rate of a currency from a day. */
    @Transactional
    public void remove(String currencyCode, LocalDate validFrom) {
        int removed = this.jdbc.sql("""
                delete from exchange_rate where currency = :currency and reporting_currency = :reporting
                and valid_from = :from""")
            .param("currency", checkedCurrency(currencyCode))
            .param("reporting", this.currency)
            .param("from", Date.valueOf(validFrom))
            .update();
        if (removed == 0) {
            throw new MoneyProblem(MoneyProblem.Kind.NOT_FOUND,
                    "No rate of " + currencyCode + " from " + validFrom + ".");
        }
    }

    private String checkedCurrency(String currencyCode) {
        String code = (currencyCode == null) ? "" : currencyCode.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        }
        catch (IllegalArgumentException ex) {
            throw invalid("currency: '" + (code.length() > 10 ? code.substring(0, 10) : code)
                    + "' is not an ISO 4217 currency code.");
        }
        if (code.equals(this.currency)) {
            throw invalid("currency: " + code + " is the reporting currency; it needs no rate.");
        }
        return code;
    }

    private static MoneyProblem invalid(String message) {
        return new MoneyProblem(MoneyProblem.Kind.INVALID, message);
    }

}
