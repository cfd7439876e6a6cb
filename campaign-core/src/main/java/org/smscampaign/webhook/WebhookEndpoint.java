package org.smscampaign.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as admins see it.
 *
 * @param eventTypes the types it follows; empty: all of them
 * @param secret the signing secret (HMAC-SHA256 key: its UTF-8 bytes)
 * @param lastDelivery the newest delivery's status, or null before the first
 * @param lastDeliveryAt when that delivery was queued, or null
 */
public record WebhookEndpoint(long id, String url, String description, List<String> eventTypes, boolean enabled,
        String secret, Instant createdAt, String createdBy, Instant updatedAt, DeliveryStatus lastDelivery,
        Instant lastDeliveryAt) {

    public boolean follows(String type) {
        return this.eventTypes.isEmpty() || this.eventTypes.contains(type);
    }

    /** The secret with all but its start hidden, for lists. */
    public String secretHint() {
        return this.secret.substring(0, Math.min(10, this.secret.length())) + "…";
    }

}
