package org.smscampaign.link;

import java.time.Instant;

/**
 * A hit on one of a contact's own links.
 *
 * @param reason why it was not counted as a person's click, or null when it was
 */
public record ContactHit(Instant occurredAt, boolean human, ClickReason reason, long linkId, Long campaignId,
        String targetUrl) {

}
