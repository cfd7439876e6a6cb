package org.smscampaign.web.message;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.OutsideCustomerWindow;
import org.smscampaign.messaging.Replies;

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
 * Messages in the browser: the outbound messages with their status (filtered by campaign,
 * status or number), each message's history, and a test message sent now.
 */
@Controller
@RequestMapping("/messages")
class MessagePagesController {

    static final int LIST_SIZE = 200;

    private final MessageGateway gateway;

    private final Replies replies;

    private final PhoneNumbers numbers;

    private final ContactProperties contactSettings;

    private final CampaignManagement campaigns;

    private final SendableTemplates templates;

    private final ContentTemplates allTemplates;

    MessagePagesController(MessageGateway gateway, Replies replies, PhoneNumbers numbers,
            ContactProperties contactSettings, CampaignManagement campaigns, SendableTemplates templates,
            ContentTemplates allTemplates) {
        this.templates = templates;
        this.allTemplates = allTemplates;
        this.campaigns = campaigns;
        this.gateway = gateway;
        this.replies = replies;
        this.numbers = numbers;
        this.contactSettings = contactSettings;
    }

    @GetMapping
    String index(@RequestParam(required = false) Long campaign, @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) String to, Model model) {
        model.addAttribute("messages", this.gateway.search(new MessageSearch(campaign, status, to), LIST_SIZE));
        model.addAttribute("campaign", campaign);
        // named, never numbered: the filter picks a campaign by name and rows link to it
        model.addAttribute("campaignNames", this.campaigns.names());
        model.addAttribute("filtered", campaign != null || status != null || (to != null && !to.isBlank()));
        if (campaign != null) {
            this.gateway.pauseOf(campaign).ifPresent((pause) -> model.addAttribute("pause", pause));
        }
        model.addAttribute("status", status);
        model.addAttribute("to", to);
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("awaitingReview", this.replies.awaitingReviewCount());
        model.addAttribute("senders", this.gateway.senders());
        Map<String, String> channels = new TreeMap<>();
        this.gateway.senders().forEach((sender) -> channels.put(sender, this.gateway.channelOf(sender).name()));
        model.addAttribute("senderChannels", channels);
        model.addAttribute("templates", approvedTemplates());
        if (!model.containsAttribute("variables")) {
            model.addAttribute("variables", Map.of());
        }
        if (!model.containsAttribute("message")) {
            model.addAttribute("message", TestMessageForm.empty(defaultSender()));
        }
        return "messages/index";
    }

    private String defaultSender() {
        return this.gateway.senders().contains(MessagingProperties.DEFAULT_SENDER) ? MessagingProperties.DEFAULT_SENDER
                : this.gateway.senders().iterator().next();
    }

    /** The approved templates, or none when the provider cannot list them now. */
    private List<ContentTemplateView> approvedTemplates() {
        try {
            return this.templates.approved();
        }
        catch (RuntimeException ex) {
            return List.of();
        }
    }

    @PostMapping
    String send(@ModelAttribute("message") TestMessageForm form, BindingResult errors,
            @RequestParam Map<String, String> parameters, Principal principal, Model model,
            RedirectAttributes redirect) {
        PhoneNumbers.Result number = this.numbers.parse(form.to(), this.contactSettings.defaultRegion());
        if (!number.isValid()) {
            errors.rejectValue("to", "invalid", number.problem());
        }
        boolean template = form.usesTemplate() && this.templates.takesTemplates(form.sender());
        if (!template && (form.body() == null || form.body().isBlank())) {
            errors.rejectValue("body", "empty", "Write the text to send.");
        }
        Map<String, String> values = template ? valuesOf(form.template(), parameters) : Map.of();
        model.addAttribute("variables", values);
        if (errors.hasErrors()) {
            return index(null, null, null, model);
        }
        try {
            long id;
            if (template) {
                SendableTemplates.Sendable sendable = this.templates.resolve(form.sender(), form.template(), values);
                id = this.gateway.send(number.number().e164(), sendable.text(), form.sender(), sendable.content());
            }
            else {
                id = this.gateway.send(number.number().e164(), form.body().strip(), form.sender(), null);
            }
            redirect.addFlashAttribute("success", "Message queued for " + number.number().e164() + ".");
            return "redirect:/messages/" + id;
        }
        catch (OutsideCustomerWindow ex) {
            errors.reject("window",
                    number.number().e164() + " has not written to you on WhatsApp in the last 24 hours, "
                            + "so WhatsApp only takes an approved template now. Choose a template below.");
            return index(null, null, null, model);
        }
        catch (TemplateRefused | IllegalArgumentException ex) {
            errors.reject("message", ex.getMessage());
            return index(null, null, null, model);
        }
    }

    /**
     * The values typed for the chosen template's variables ({@code variable.<sid>.<n>}).
     */
    private static Map<String, String> valuesOf(String sid, Map<String, String> parameters) {
        String prefix = "variable." + sid.strip() + ".";
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                values.put(name.substring(prefix.length()), value);
            }
        });
        return values;
    }

    /** The account's templates for people: name, language, approval, text. */
    @GetMapping("/templates")
    String templates(Model model) {
        try {
            model.addAttribute("templates", this.allTemplates.all());
        }
        catch (RuntimeException ex) {
            model.addAttribute("templates", List.of());
            model.addAttribute("unavailable", true);
        }
        model.addAttribute("awaitingReview", this.replies.awaitingReviewCount());
        return "messages/templates";
    }

    @PostMapping("/campaigns/{campaign}/resume")
    String resume(@PathVariable long campaign, Principal principal, RedirectAttributes redirect) {
        boolean resumed = this.gateway.resume(campaign, principal.getName());
        redirect.addFlashAttribute("success",
                resumed ? "Campaign " + campaign + " sends again." : "Campaign " + campaign + " was not paused.");
        return "redirect:/messages?campaign=" + campaign;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("message",
                this.gateway.find(id)
                    .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                            org.springframework.http.HttpStatus.NOT_FOUND)));
        model.addAttribute("history", this.gateway.history(id));
        return "messages/show";
    }

}
