package org.smscampaign.link;

import java.time.Instant;

/**
 * A short link with its target and attribution.
 *
 * @param disabledAt when an admin disabled it because it broke its brand's rules (it then
 * answers with the "link disabled" page), or null
 */
public record ShortLinkView(long id, String code, String shortUrl, String targetUrl, String label, long brandId,
        Long campaignId, Long contactId, String variant, Long messageId, int attributionDays, Instant expiresAt,
        String fallbackUrl, String createdBy, Instant createdAt, Instant disabledAt) {

    public boolean expired(Instant now) {
        return this.expiresAt != null && !now.isBefore(this.expiresAt);
    }

}
