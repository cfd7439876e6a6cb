package org.smscampaign.link;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion as a shop reports it.
 *
 * @param clickId the click id the landing page received ({@code smsclid}), or null
 * @param code the short code, when no click id is known
 * @param event lead, sale, or a custom name (letters, digits, underscore)
 * @param value order value, or null
 * @param currency ISO 4217 code of the value, e.g. EUR
 * @param orderId the shop's order id: a second report with the same id and event is
 * ignored
 * @param occurredAt when it happened; now when not given
 */
public record ConversionRequest(Long clickId, String code, String event, BigDecimal value, String currency,
        String orderId, Instant occurredAt) {

}
