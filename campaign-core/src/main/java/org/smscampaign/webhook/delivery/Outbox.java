package org.smscampaign.webhook.delivery;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.webhook.WebhookEndpoint;
import org.smscampaign.webhook.endpoint.EndpointStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one delivery per enabled endpoint that follows an event, once the change the
 * event reports is committed. Workers send them; nothing here waits for an endpoint.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final EndpointStore endpoints;

    private final DeliveryStore deliveries;

    private final JsonMapper json;

    private final TransactionTemplate newTransaction;

    Outbox(EndpointStore endpoints, DeliveryStore deliveries, JsonMapper json,
            PlatformTransactionManager transactions) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * After the commit the event's transaction is finished but still bound, so the rows
     * go in a new one. A failure here must not fail the campaign change that was made.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PlatformEvent event) {
        try {
            this.newTransaction.executeWithoutResult((status) -> queue(event, this.endpoints.following(event.type())));
        }
        catch (RuntimeException ex) {
            log.error("Webhook deliveries of a {} event could not be queued", event.type(), ex);
        }
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
