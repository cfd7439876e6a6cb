package org.smscampaign.link;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion as a shop reports it.
 *
 * @param clickId the click id the landing page received ({@code smsclid}), or null
 * @param code the short code, when no click id is known (server postbacks only)
 * @param event lead, sale, or a custom name (letters, digits, underscore)
 * @param value order value, or null
 * @param currency ISO 4217 code of the value, e.g. EUR
 * @param orderId the shop's order id: a second report with the same id and event is
 * ignored; compared after normalisation (NFKC, format characters removed, lower case)
 * @param occurredAt when it happened; now when not given
 * @param contactId the platform's id of the customer's contact, when the shop knows it
 * (from a contact export or its CRM sync): a conversion without any click still counts
 * for the contact, which measures the lift of a campaign against its holdout group. A
 * contact found through the click wins.
 * @param coupon a coupon code a campaign gave (server postbacks and uploads): the
 * conversion is attributed to the code's campaign, variant and contact, with or without a
 * click; an unknown code is refused
 */
public record ConversionRequest(String clickId, String code, String event, BigDecimal value, String currency,
        String orderId, Instant occurredAt, Long contactId, String coupon) {

    /** A conversion reported by click, code or contact, without a coupon. */
    public ConversionRequest(String clickId, String code, String event, BigDecimal value, String currency,
            String orderId, Instant occurredAt, Long contactId) {
        this(clickId, code, event, value, currency, orderId, occurredAt, contactId, null);
    }

    /** A conversion reported by click or code only. */
    public ConversionRequest(String clickId, String code, String event, BigDecimal value, String currency,
            String orderId, Instant occurredAt) {
        this(clickId, code, event, value, currency, orderId, occurredAt, null, null);
    }

}
