package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A campaign message a contact got (or is due to get): which campaign, which variant and
 * when it was due.
 */
public record SentCampaignMessage(long campaignId, String variant, Instant dueAt) {

}
