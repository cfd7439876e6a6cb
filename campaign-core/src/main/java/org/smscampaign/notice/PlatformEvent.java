package org.smscampaign.notice;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened which people or other systems may follow: the body of an
 * outgoing webhook and of a notification. Published after the change it reports is
 * stored; listeners use {@code @TransactionalEventListener(fallbackExecution = true)}.
 *
 * @param type a stable dotted name, one of the constants below
 * @param campaignId the campaign it concerns, or null (a sender's queue, the account)
 * @param campaignName that campaign's name, or null
 * @param title one sentence for people
 * @param data the figures behind it (JSON-friendly values only: strings, numbers,
 * booleans, nested maps and lists)
 * @param at when it happened
 */
public record PlatformEvent(String type, Long campaignId, String campaignName, String title, Map<String, Object> data,
        Instant at) {

    public static final String CAMPAIGN_LAUNCHED = "campaign.launched";

    public static final String CAMPAIGN_SENDING = "campaign.sending";

    public static final String CAMPAIGN_PAUSED = "campaign.paused";

    public static final String CAMPAIGN_RESUMED = "campaign.resumed";

    public static final String CAMPAIGN_COMPLETED = "campaign.completed";

    public static final String CAMPAIGN_CANCELLED = "campaign.cancelled";

    public static final String GOAL_JUDGED = "goal.judged";

    public static final String ALERT_RAISED = "alert.raised";

    public static final String ALERT_RESOLVED = "alert.resolved";

    public PlatformEvent {
        // Keeps the order and the nulls (a figure not known yet) of what was given.
        data = (data != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(data)) : Map.of();
    }

}
