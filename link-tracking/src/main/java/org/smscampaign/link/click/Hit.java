package org.smscampaign.link.click;

/**
 * A hit on a short link as the redirector saw it, waiting to be classified and written.
 * Holds the full client address only in memory (for burst detection); it is stored
 * reduced.
 */
public record Hit(long id, long linkId, long atMillis, boolean head, String userAgent, String clientAddress,
        String referrer, Long campaignId, Long contactId, String variant, Long messageId) {

}
