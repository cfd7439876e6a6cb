package org.smscampaign.messaging;

import java.time.Instant;

/** A campaign's sending paused (by an error storm or a person), with the reason. */
public record SendingPaused(long campaignId, String reason, String by, Instant at) {

}
