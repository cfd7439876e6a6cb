package org.smscampaign.campaign.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.notice.PlatformEvent;

/** A lifecycle transition told to the outside world (webhooks, notifications). */
final class LifecycleNotices {

    private LifecycleNotices() {
    }

    static PlatformEvent of(long id, String name, CampaignStatus from, CampaignStatus to, String by, String detail,
            Instant at) {
        String type = type(from, to);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from.name());
        data.put("to", to.name());
        data.put("by", by);
        data.put("reason", detail);
        String title = "Campaign \u201c" + name + "\u201d " + type.substring("campaign.".length())
                + ((detail != null && !detail.isBlank()) ? ": " + detail : "");
        return new PlatformEvent(type, id, name, title, data, at);
    }

    private static String type(CampaignStatus from, CampaignStatus to) {
        if (from == CampaignStatus.DRAFT && to != CampaignStatus.CANCELLED) {
            return PlatformEvent.CAMPAIGN_LAUNCHED;
        }
        return switch (to) {
            case PAUSED -> PlatformEvent.CAMPAIGN_PAUSED;
            case COMPLETED -> PlatformEvent.CAMPAIGN_COMPLETED;
            case CANCELLED -> PlatformEvent.CAMPAIGN_CANCELLED;
            case SENDING ->
                (from == CampaignStatus.PAUSED) ? PlatformEvent.CAMPAIGN_RESUMED : PlatformEvent.CAMPAIGN_SENDING;
            case SCHEDULED -> PlatformEvent.CAMPAIGN_RESUMED;
            case DRAFT -> PlatformEvent.CAMPAIGN_LAUNCHED;
        };
    }

}
