package org.smscampaign.web.webhook;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.webhook.WebhookDelivery;
import org.smscampaign.webhook.WebhookEndpoint;
import org.smscampaign.webhook.WebhookEndpointInput;
import org.smscampaign.webhook.WebhookEventTypes;
import org.smscampaign.webhook.Webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outgoing webhooks over REST, for admins: the endpoints, their secrets, a test event and
 * the delivery log, as under Admin › Webhooks.
 */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
@Tag(name = "Webhooks")
class WebhookApiController {

    /**
     * An endpoint as entered.
     *
     * @param url https address (public host) that receives the POSTs
     * @param eventTypes types to follow; missing or empty: all
     * @param enabled missing: true
     */
    record EndpointRequest(String url, String description, List<String> eventTypes, Boolean enabled) {

        WebhookEndpointInput input() {
            return new WebhookEndpointInput(this.url, this.description,
                    (this.eventTypes != null) ? this.eventTypes : List.of(), !Boolean.FALSE.equals(this.enabled));
        }

    }

    /** A change; a missing member keeps its value. */
    record EndpointChange(String url, String description, List<String> eventTypes, Boolean enabled) {

    }

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/event-types")
    @Operation(summary = "Event types an endpoint can follow")
    List<String> webhookEventTypes() {
        return WebhookEventTypes.ALL;
    }

    @GetMapping
    @Operation(summary = "Webhook endpoints", description = "With their signing secrets and last delivery status.")
    List<WebhookEndpoint> listWebhooks() {
        return this.webhooks.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A webhook endpoint")
    WebhookEndpoint getWebhook(@PathVariable long id) {
        return this.webhooks.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a webhook endpoint",
            description = "The platform generates the signing secret. The url must be https on a public host: "
                    + "loopback, private, link-local and reserved addresses are refused (422 webhook-url-refused).")
    WebhookEndpoint createWebhook(@RequestBody EndpointRequest request, Principal principal) {
        return this.webhooks.create(request.input(), principal.getName());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a webhook endpoint", description = "Address, description, event types or enabled.")
    WebhookEndpoint updateWebhook(@PathVariable long id, @RequestBody EndpointChange change) {
        WebhookEndpoint current = this.webhooks.get(id);
        return this.webhooks.update(id,
                new WebhookEndpointInput((change.url() != null) ? change.url() : current.url(),
                        (change.description() != null) ? change.description() : current.description(),
                        (change.eventTypes() != null) ? change.eventTypes() : current.eventTypes(),
                        (change.enabled() != null) ? change.enabled() : current.enabled()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint",
            description = "With its delivery log; pending deliveries are " + "dropped.")
    void deleteWebhook(@PathVariable long id) {
        this.webhooks.delete(id);
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Rotate the signing secret",
            description = "A new secret signs every attempt from now on; the old one no longer does.")
    WebhookEndpoint rotateWebhookSecret(@PathVariable long id) {
        return this.webhooks.rotateSecret(id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a test event",
            description = "Queues a webhook.test event for this endpoint (enabled or not); follow its outcome at "
                    + "the delivery it returns.")
    WebhookDelivery testWebhook(@PathVariable long id, Principal principal) {
        UUID delivery = this.webhooks.sendTest(id, principal.getName());
        return this.webhooks.delivery(id, delivery);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first, each with its attempts (time, status "
            + "code, latency, error, next attempt).")
    List<WebhookDelivery> webhookDeliveries(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        return this.webhooks.deliveries(id, limit);
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "A delivery with its attempts")
    WebhookDelivery webhookDelivery(@PathVariable long id, @PathVariable UUID deliveryId) {
        return this.webhooks.delivery(id, deliveryId);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Retry a failed delivery now",
            description = "One more attempt, right away; 409 unless " + "the delivery failed.")
    WebhookDelivery retryWebhookDelivery(@PathVariable long id, @PathVariable UUID deliveryId) {
        return this.webhooks.retryNow(id, deliveryId);
    }

}
