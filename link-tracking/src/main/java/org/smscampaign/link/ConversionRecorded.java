package org.smscampaign.link;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion was recorded; attributed ones carry the campaign, contact and variant.
 *
 * @param verified false when the landing page reported it (unauthenticated): it counts in
 * figures only for a brand that opted in
 */
public record ConversionRecorded(long conversionId, String event, BigDecimal value, String currency, String orderId,
        Instant occurredAt, boolean attributed, Long clickId, Long linkId, Long campaignId, Long contactId,
        String variant, boolean verified) {

}
