package org.smscampaign.messaging;

import java.time.Instant;

/** Why a campaign's sending is paused, by whom and since when. */
public record CampaignPause(long campaignId, String reason, String by, Instant since) {

}
