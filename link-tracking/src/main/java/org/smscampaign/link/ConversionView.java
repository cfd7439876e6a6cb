package org.smscampaign.link;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recorded conversion and what it was attributed to.
 *
 * @param duplicate true when this order had been reported before (nothing was recorded
 * again)
 * @param verified false for a conversion the landing page reported (unauthenticated): it
 * counts in figures only for a brand that opted in
 */
public record ConversionView(long id, String event, BigDecimal value, String currency, String orderId,
        Instant occurredAt, boolean attributed, Long clickId, Long campaignId, Long contactId, String variant,
        boolean duplicate, boolean verified) {

}
