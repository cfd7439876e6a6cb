package org.smscampaign.messaging;

/**
 * Whom a message is for, in the enqueuer's terms: opaque ids the gateway only carries
 * (campaign, contact, variant), any of them null.
 */
public record Attribution(Long campaignId, Long contactId, String variant) {

    public static final Attribution NONE = new Attribution(null, null, null);

}
