package org.smscampaign.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smscampaign.link.PublicHosts;
import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.webhook.delivery.DeliveryStore;
import org.smscampaign.webhook.delivery.Outbox;
import org.smscampaign.webhook.endpoint.EndpointStore;
import org.smscampaign.webhook.endpoint.EndpointUrls;
import org.smscampaign.webhook.endpoint.Secrets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' management of webhook endpoints: add, change, enable or disable, delete, rotate
 * the secret, send a test, read the delivery log and retry a failed delivery.
 */
@Service
public class Webhooks {

    static final int MAX_DESCRIPTION = 500;

    private final EndpointStore endpoints;

    private final DeliveryStore deliveries;

    private final Outbox outbox;

    private final EndpointUrls urls;

    private final java.time.Clock clock;

    Webhooks(EndpointStore endpoints, DeliveryStore deliveries, Outbox outbox, WebhookProperties properties,
            java.time.Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.urls = new EndpointUrls(new PublicHosts(PublicHosts::dns, Duration.ofSeconds(3)),
                properties.allowHttpLoopback());
        this.clock = clock;
    }

    public List<WebhookEndpoint> all() {
        return this.endpoints.all();
    }

    public WebhookEndpoint get(long id) {
        return this.endpoints.find(id)
            .orElseThrow(
                    () -> new WebhookProblem(WebhookProblem.Kind.NOT_FOUND, null, "No webhook endpoint " + id + "."));
    }

    /** Adds an endpoint with a new signing secret. */
    public WebhookEndpoint create(WebhookEndpointInput input, String by) {
        Checked checked = check(input);
        return get(this.endpoints.insert(checked.url(), checked.description(), checked.types(), input.enabled(),
                Secrets.generate(), by));
    }

    public WebhookEndpoint update(long id, WebhookEndpointInput input) {
        get(id);
        Checked checked = check(input);
        this.endpoints.update(id, checked.url(), checked.description(), checked.types(), input.enabled());
        return get(id);
    }

    public WebhookEndpoint enable(long id, boolean enabled) {
        if (!this.endpoints.enable(id, enabled)) {
            get(id);
        }
        return get(id);
    }

    /** A new secret at once: the old one no longer signs anything. */
    public WebhookEndpoint rotateSecret(long id) {
        if (!this.endpoints.rotate(id, Secrets.generate())) {
            get(id);
        }
        return get(id);
    }

    /** Deletes the endpoint with its delivery log; pending deliveries are dropped. */
    public void delete(long id) {
        if (!this.endpoints.delete(id)) {
            get(id);
        }
    }

    /**
     * Queues a {@code webhook.test} event for this endpoint only, whether enabled or not
     * and whatever it follows; the delivery's id.
     */
    @Transactional
    public UUID sendTest(long id, String by) {
        WebhookEndpoint endpoint = get(id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpointId", endpoint.id());
        data.put("requestedBy", by);
        PlatformEvent test = new PlatformEvent(WebhookEventTypes.TEST, null, null,
                "Test event from the SMS campaign platform: this endpoint is set up correctly.", data,
                this.clock.instant());
        return this.outbox.queue(test, List.of(endpoint)).get(0);
    }

    /** The endpoint's deliveries, newest first. */
    public List<WebhookDelivery> deliveries(long id, int limit) {
        get(id);
        return this.deliveries.ofEndpoint(id, Math.max(1, Math.min(limit, 500)));
    }

    public WebhookDelivery delivery(long id, UUID deliveryId) {
        return this.deliveries.find(id, deliveryId)
            .orElseThrow(() -> new WebhookProblem(WebhookProblem.Kind.NOT_FOUND, null,
                    "No delivery " + deliveryId + " of webhook endpoint " + id + "."));
    }

    /**
     * The delivery once its first attempt is logged, or as it stands when the wait is
     * over (what the "Send test" button shows).
     */
    public WebhookDelivery awaitFirstAttempt(long id, UUID deliveryId, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        WebhookDelivery delivery = delivery(id, deliveryId);
        while (delivery.attempts().isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            delivery = delivery(id, deliveryId);
        }
        return delivery;
    }

    /** Tries a failed delivery once more, now. */
    public WebhookDelivery retryNow(long id, UUID deliveryId) {
        WebhookDelivery delivery = delivery(id, deliveryId);
        if (!this.deliveries.retryNow(id, deliveryId)) {
            throw new WebhookProblem(WebhookProblem.Kind.CONFLICT, null, "Only a failed delivery can be retried; this "
                    + "one is " + delivery.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return delivery(id, deliveryId);
    }

    private record Checked(String url, String description, List<String> types) {

    }

    private Checked check(WebhookEndpointInput input) {
        String url = this.urls.check(input.url()).toString();
        String description = (input.description() != null) ? input.description().strip() : "";
        if (description.length() > MAX_DESCRIPTION) {
            throw new WebhookProblem(WebhookProblem.Kind.INVALID, "description",
                    "The description has at most " + MAX_DESCRIPTION + " characters.");
        }
        List<String> types = new ArrayList<>();
        for (String type : (input.eventTypes() != null) ? input.eventTypes() : List.<String>of()) {
            if (!WebhookEventTypes.ALL.contains(type)) {
                throw new WebhookProblem(WebhookProblem.Kind.INVALID, "eventTypes",
                        "Unknown event type \u201c" + type + "\u201d: choose from " + WebhookEventTypes.ALL + ".");
            }
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return new Checked(url, description, types);
    }

}
