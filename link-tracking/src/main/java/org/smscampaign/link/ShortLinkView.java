package org.smscampaign.link;

import java.time.Instant;

/** A short link with its target and attribution. */
public record ShortLinkView(long id, String code, String shortUrl, String targetUrl, String label, long brandId,
        Long campaignId, Long contactId, String variant, Long messageId, int attributionDays, Instant expiresAt,
        String fallbackUrl, String createdBy, Instant createdAt) {

    public boolean expired(Instant now) {
        return this.expiresAt != null && !now.isBefore(this.expiresAt);
    }

}
