package org.smscampaign.money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An amount in some currency, when it arose (its day picks the exchange rate), and how
 * many items it sums (messages, conversions).
 */
public record DatedAmount(Instant at, String currency, BigDecimal amount, long items) {

}
