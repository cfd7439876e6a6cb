package org.smscampaign.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One rate of the table: from {@code validFrom} on (until a later rate of the same
 * currency), one unit of {@code currency} is worth {@code rate} units of
 * {@code reportingCurrency}.
 */
public record ExchangeRate(String currency, String reportingCurrency, LocalDate validFrom, BigDecimal rate,
        String createdBy, Instant createdAt) {

}
