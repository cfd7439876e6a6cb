package org.smscampaign.link;

import java.time.Instant;

/**
 * A destination corrected at once for all the recipient links of a campaign (kept as an
 * audit record).
 *
 * @param from the destination as it was, without UTM parameters
 * @param to the new destination, as given (each link keeps its own UTM parameters)
 * @param links how many links now lead to it
 */
public record DestinationChange(long campaignId, String from, String to, int links, String changedBy,
        Instant changedAt) {

}
