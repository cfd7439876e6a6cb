package org.smscampaign.web.webhook;

import java.util.List;

import org.smscampaign.webhook.WebhookEndpoint;
import org.smscampaign.webhook.WebhookEndpointInput;

/**
 * The endpoint form.
 *
 * @param scope "all" (every event, new kinds included) or "chosen" (the event types)
 */
record WebhookForm(String url, String description, String scope, List<String> eventTypes, boolean enabled) {

    static WebhookForm empty() {
        return new WebhookForm("", "", "all", List.of(), true);
    }

    static WebhookForm of(WebhookEndpoint endpoint) {
        return new WebhookForm(endpoint.url(), endpoint.description(),
                endpoint.eventTypes().isEmpty() ? "all" : "chosen", endpoint.eventTypes(), endpoint.enabled());
    }

    boolean chosen() {
        return "chosen".equals(this.scope);
    }

    /** An empty choice of types would follow everything: say so rather than guess. */
    boolean nothingChosen() {
        return chosen() && (this.eventTypes == null || this.eventTypes.isEmpty());
    }

    WebhookEndpointInput input() {
        return new WebhookEndpointInput(this.url, this.description,
                (chosen() && this.eventTypes != null) ? this.eventTypes : List.of(), this.enabled);
    }

}
