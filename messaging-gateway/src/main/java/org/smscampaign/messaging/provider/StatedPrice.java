package org.smscampaign.messaging.provider;

import java.math.BigDecimal;

/**
 * What the provider says a message cost it: the amount (positive; Twilio writes it as a
 * negative debit) and its currency.
 */
public record StatedPrice(BigDecimal amount, String currency) {

}
