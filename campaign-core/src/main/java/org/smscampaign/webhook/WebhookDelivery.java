package org.smscampaign.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event for one endpoint, with its attempts.
 *
 * @param id the delivery id (header {@code X-SMS-Delivery}; receivers dedupe on it)
 * @param eventId the event's id (body {@code id}; the same for every endpoint)
 * @param payload the JSON body sent
 * @param nextAttemptAt when the next attempt is due, or null
 * @param attempts newest first
 */
public record WebhookDelivery(UUID id, long endpointId, UUID eventId, String eventType, String title,
        DeliveryStatus status, int attemptCount, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
        Integer lastStatusCode, String lastError, String payload, List<WebhookAttempt> attempts) {

}
