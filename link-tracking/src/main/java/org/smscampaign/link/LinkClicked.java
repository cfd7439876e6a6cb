package org.smscampaign.link;

import java.time.Instant;

/**
 * A hit on a recipient link was recorded, with its classification.
 *
 * @param human whether it counts as a person's click (not a preview, bot, scanner...)
 * @param reason why it does not, or null
 * @param firstHit whether it is the first hit of this link
 */
public record LinkClicked(long clickId, long linkId, Long campaignId, Long contactId, String variant, Long messageId,
        Instant occurredAt, boolean human, ClickReason reason, boolean firstHit) {

}
