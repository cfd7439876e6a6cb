package org.smscampaign.link.redirect;

/**
 * What the redirector needs of a link, held in memory.
 *
 * @param expiresAtMillis 0 when the link never expires
 * @param fallbackUrl where the link goes once expired (its own, else its brand's), or
 * null
 */
record LinkTarget(long linkId, String targetUrl, long expiresAtMillis, String fallbackUrl, Long campaignId,
        Long contactId, String variant, Long messageId) {

    boolean expiredAt(long nowMillis) {
        return this.expiresAtMillis != 0 && nowMillis >= this.expiresAtMillis;
    }

}
