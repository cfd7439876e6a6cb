package org.smscampaign.link.redirect;

import org.smscampaign.link.click.ClickTokens;

/**
 * What the redirector needs of a link, held in memory.
 *
 * @param expiresAtMillis 0 when the link never expires
 * @param fallbackUrl where the link goes once expired (its own, else its brand's), or
 * null
 * @param disabled an admin disabled it (its target or fallback broke its brand's rules):
 * it answers with the "link disabled" page
 */
record LinkTarget(long linkId, String targetUrl, long expiresAtMillis, String fallbackUrl, Long campaignId,
        Long contactId, String variant, Long messageId, String locationPrefix, String locationSuffix,
        boolean disabled) {

    /** A target, with its location split around where the click id goes. */
    static LinkTarget of(long linkId, String targetUrl, long expiresAtMillis, String fallbackUrl, Long campaignId,
            Long contactId, String variant, Long messageId, String clickParameter, boolean disabled) {
        String prefix = targetUrl;
        String suffix = "";
        if (!clickParameter.isEmpty()) {
            String marked = org.smscampaign.link.TargetUrls.withParameters(targetUrl, clickParameter + "=\u0000");
            int mark = marked.indexOf('\u0000');
            prefix = marked.substring(0, mark);
            suffix = marked.substring(mark + 1);
        }
        return new LinkTarget(linkId, targetUrl, expiresAtMillis, fallbackUrl, campaignId, contactId, variant,
                messageId, prefix, suffix, disabled);
    }

    /**
     * Where this hit goes: the target with its click id's token, when click ids are
     * passed on (the token is made only then).
     */
    String location(long clickId, ClickTokens tokens) {
        return this.locationSuffix.isEmpty() && this.locationPrefix.equals(this.targetUrl) ? this.targetUrl
                : this.locationPrefix + tokens.of(clickId) + this.locationSuffix;
    }

    boolean expiredAt(long nowMillis) {
        return this.expiresAtMillis != 0 && nowMillis >= this.expiresAtMillis;
    }

}
