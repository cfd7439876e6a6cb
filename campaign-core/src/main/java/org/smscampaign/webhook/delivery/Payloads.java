package org.smscampaign.webhook.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.smscampaign.notice.PlatformEvent;

/**
 * The JSON body of a delivery: {@code {id, type, occurredAt, campaign: {id, name} | null,
 * title, data}}.
 */
final class Payloads {

    private Payloads() {
    }

    static String body(JsonMapper json, UUID eventId, PlatformEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", event.type());
        body.put("occurredAt", event.at().toString());
        if (event.campaignId() != null) {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("id", event.campaignId());
            campaign.put("name", event.campaignName());
            body.put("campaign", campaign);
        }
        else {
            body.put("campaign", null);
        }
        body.put("title", event.title());
        body.put("data", event.data());
        return json.writeValueAsString(body);
    }

}
