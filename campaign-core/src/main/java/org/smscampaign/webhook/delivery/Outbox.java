package org.smscampaign.webhook.delivery;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.webhook.WebhookEndpoint;
import org.smscampaign.webhook.endpoint.EndpointStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes one delivery per enabled endpoint that follows an event, with the change the
 * event reports. Workers send them once committed; nothing here waits for an endpoint.
 */
@Component
public class Outbox {

    private final EndpointStore endpoints;

    private final DeliveryStore deliveries;

    private final JsonMapper json;

    Outbox(EndpointStore endpoints, DeliveryStore deliveries, JsonMapper json) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * In the transaction of the change the event reports, just before it commits: the
     * change and its deliveries are stored together or not at all (no event is lost to a
     * crash between the two). Without a transaction, at once.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PlatformEvent event) {
        queue(event, this.endpoints.following(event.type()));
    }

    /** Queues the event for these endpoints (whatever they follow); the delivery ids. */
    public List<UUID> queue(PlatformEvent event, List<WebhookEndpoint> to) {
        if (to.isEmpty()) {
            return List.of();
        }
        UUID eventId = UUID.randomUUID();
        return this.deliveries.insert(to.stream().map(WebhookEndpoint::id).toList(), eventId, event.type(),
                event.title(), Payloads.body(this.json, eventId, event));
    }

}
