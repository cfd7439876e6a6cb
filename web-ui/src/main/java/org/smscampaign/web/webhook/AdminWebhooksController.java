package org.smscampaign.web.webhook;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.smscampaign.webhook.DeliveryStatus;
import org.smscampaign.webhook.WebhookAttempt;
import org.smscampaign.webhook.WebhookDelivery;
import org.smscampaign.webhook.WebhookEndpoint;
import org.smscampaign.webhook.WebhookEventTypes;
import org.smscampaign.webhook.WebhookProblem;
import org.smscampaign.webhook.WebhookProperties;
import org.smscampaign.webhook.Webhooks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › Webhooks: the endpoints other systems listen on, and for each its settings,
 * signing secret, a test button and the delivery log.
 */
@Controller
@RequestMapping("/admin/webhooks")
class AdminWebhooksController {

    static final int LOG_SIZE = 50;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Webhooks webhooks;

    private final WebhookProperties properties;

    AdminWebhooksController(Webhooks webhooks, WebhookProperties properties) {
        this.webhooks = webhooks;
        this.properties = properties;
    }

    /** Event types with their labels, for the form. */
    record EventType(String type, String label) {

    }

    @ModelAttribute("eventTypes")
    List<EventType> eventTypes() {
        return WebhookEventTypes.ALL.stream()
            .map((type) -> new EventType(type, WebhookEventTypes.label(type)))
            .toList();
    }

    @ModelAttribute("allowHttpLoopback")
    boolean allowHttpLoopback() {
        return this.properties.allowHttpLoopback();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("endpoints", this.webhooks.all());
        // A post whose fields could not be bound at all leaves a null form behind.
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", WebhookForm.empty());
        }
        return "admin/webhooks";
    }

    @PostMapping
    String create(@ModelAttribute("form") WebhookForm form, BindingResult errors, Principal principal, Model model,
            RedirectAttributes redirect) {
        if (form == null || errors.hasErrors()) {
            return list(model);
        }
        if (form.nothingChosen()) {
            errors.rejectValue("eventTypes", "none", "Choose at least one event, or \u201cAll events\u201d.");
            return list(model);
        }
        try {
            WebhookEndpoint created = this.webhooks.create(form.input(), principal.getName());
            redirect.addFlashAttribute("success",
                    "Endpoint added. Give its signing secret to the receiving system, then send a test.");
            return "redirect:/admin/webhooks/" + created.id();
        }
        catch (WebhookProblem ex) {
            reject(errors, ex);
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        WebhookEndpoint endpoint = this.webhooks.get(id);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", this.webhooks.deliveries(id, LOG_SIZE));
        model.addAttribute("logSize", LOG_SIZE);
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", WebhookForm.of(endpoint));
        }
        return "admin/webhook";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") WebhookForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form == null || errors.hasErrors()) {
            return show(id, model);
        }
        if (form.nothingChosen()) {
            errors.rejectValue("eventTypes", "none", "Choose at least one event, or \u201cAll events\u201d.");
            return show(id, model);
        }
        try {
            this.webhooks.update(id, form.input());
            redirect.addFlashAttribute("success", "Endpoint saved.");
            return "redirect:/admin/webhooks/" + id;
        }
        catch (WebhookProblem ex) {
            if (ex.kind() == WebhookProblem.Kind.NOT_FOUND) {
                throw ex;
            }
            reject(errors, ex);
            return show(id, model);
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        this.webhooks.enable(id, enabled);
        redirect.addFlashAttribute("success", enabled ? "Endpoint enabled: new events are delivered to it."
                : "Endpoint disabled: it gets no events until it is enabled again.");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id}/secret")
    String rotate(@PathVariable long id, RedirectAttributes redirect) {
        this.webhooks.rotateSecret(id);
        redirect.addFlashAttribute("success",
                "New signing secret made: every attempt is signed with it from now on. Update the receiver.");
        return "redirect:/admin/webhooks/" + id + "#secret";
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        UUID queued = this.webhooks.sendTest(id, principal.getName());
        WebhookDelivery delivery = this.webhooks.awaitFirstAttempt(id, queued, this.properties.testWait());
        redirect.addFlashAttribute("testLevel", (delivery.status() == DeliveryStatus.DELIVERED) ? "success"
                : delivery.attempts().isEmpty() ? "info" : "danger");
        redirect.addFlashAttribute("testMessage", testOutcome(delivery));
        redirect.addFlashAttribute("testDelivery", delivery.id().toString());
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        String url = this.webhooks.get(id).url();
        this.webhooks.delete(id);
        redirect.addFlashAttribute("success", "Endpoint " + url + " deleted with its delivery log.");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    String retry(@PathVariable long id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        try {
            this.webhooks.retryNow(id, deliveryId);
            redirect.addFlashAttribute("success", "Delivery queued again: it is sent within seconds.");
        }
        catch (WebhookProblem ex) {
            if (ex.kind() == WebhookProblem.Kind.NOT_FOUND) {
                throw ex;
            }
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/webhooks/" + id + "#deliveries";
    }

    static String testOutcome(WebhookDelivery delivery) {
        if (delivery.attempts().isEmpty()) {
            return "Test event queued; no answer yet. Its outcome shows in the delivery log below.";
        }
        WebhookAttempt attempt = delivery.attempts().get(0);
        if (attempt.succeeded()) {
            return "Test event delivered: the endpoint answered " + attempt.statusCode() + " in "
                    + attempt.latencyMillis() + " ms.";
        }
        return "Test event not delivered: " + attempt.error() + "." + ((attempt.nextAttemptAt() != null)
                ? " Next attempt at " + TIME.format(attempt.nextAttemptAt()) + " UTC." : "");
    }

    private static void reject(BindingResult errors, WebhookProblem ex) {
        if (ex.field() != null) {
            errors.rejectValue(ex.field(), ex.kind().name(), ex.getMessage());
        }
        else {
            errors.reject(ex.kind().name(), ex.getMessage());
        }
    }

}
