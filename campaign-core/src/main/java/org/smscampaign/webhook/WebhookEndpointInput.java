package org.smscampaign.webhook;

import java.util.List;

/**
 * What an admin enters for an endpoint.
 *
 * @param url HTTPS address that receives the POSTs
 * @param description what it is for (may be empty)
 * @param eventTypes types to follow (of {@link WebhookEventTypes#ALL}); empty: all
 * @param enabled whether it gets deliveries
 */
public record WebhookEndpointInput(String url, String description, List<String> eventTypes, boolean enabled) {

}
