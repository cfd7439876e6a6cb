package org.smscampaign.webhook;

import java.util.List;

import org.smscampaign.notice.PlatformEvent;

/** The event types an endpoint can follow, as sent in the body and the event header. */
public final class WebhookEventTypes {

    /** What the "Send test" button sends: only to the endpoint tested. */
    public static final String TEST = "webhook.test";

    /** Every type an endpoint may choose (an empty choice follows them all). */
    public static final List<String> ALL = List.of(PlatformEvent.CAMPAIGN_LAUNCHED, PlatformEvent.CAMPAIGN_SENDING,
            PlatformEvent.CAMPAIGN_PAUSED, PlatformEvent.CAMPAIGN_RESUMED, PlatformEvent.CAMPAIGN_COMPLETED,
            PlatformEvent.CAMPAIGN_CANCELLED, PlatformEvent.GOAL_JUDGED, PlatformEvent.ALERT_RAISED,
            PlatformEvent.ALERT_RESOLVED);

    private WebhookEventTypes() {
    }

    /** A person's words for a type. */
    public static String label(String type) {
        return switch (type) {
            case PlatformEvent.CAMPAIGN_LAUNCHED -> "Campaign launched";
            case PlatformEvent.CAMPAIGN_SENDING -> "Campaign started sending";
            case PlatformEvent.CAMPAIGN_PAUSED -> "Campaign paused";
            case PlatformEvent.CAMPAIGN_RESUMED -> "Campaign resumed";
            case PlatformEvent.CAMPAIGN_COMPLETED -> "Campaign completed";
            case PlatformEvent.CAMPAIGN_CANCELLED -> "Campaign cancelled";
            case PlatformEvent.GOAL_JUDGED -> "Goal judged";
            case PlatformEvent.ALERT_RAISED -> "Alert raised";
            case PlatformEvent.ALERT_RESOLVED -> "Alert resolved";
            case TEST -> "Test";
            default -> type;
        };
    }

}
