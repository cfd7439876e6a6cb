package org.smscampaign.link;

import java.time.Instant;

/** One recorded hit, as shown on a link's page. */
public record ClickView(long id, Instant occurredAt, String method, String userAgent, String client, boolean human,
        ClickReason reason, boolean firstHit) {

}
