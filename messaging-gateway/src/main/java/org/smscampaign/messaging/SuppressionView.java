package org.smscampaign.messaging;

import java.time.Instant;

/** A number that is not texted, why, and since when. */
public record SuppressionView(String phone, String reason, String detail, Instant since) {

}
