package org.smscampaign.web.message;

import java.security.Principal;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
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

    MessagePagesController(MessageGateway gateway, Replies replies, PhoneNumbers numbers,
            ContactProperties contactSettings, CampaignManagement campaigns) {
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
        if (!model.containsAttribute("message")) {
            model.addAttribute("message", TestMessageForm.empty(defaultSender()));
        }
        return "messages/index";
    }

    private String defaultSender() {
        return this.gateway.senders().contains(MessagingProperties.DEFAULT_SENDER) ? MessagingProperties.DEFAULT_SENDER
                : this.gateway.senders().iterator().next();
    }

    @PostMapping
    String send(@ModelAttribute("message") TestMessageForm form, BindingResult errors, Principal principal, Model model,
            RedirectAttributes redirect) {
        PhoneNumbers.Result number = this.numbers.parse(form.to(), this.contactSettings.defaultRegion());
        if (!number.isValid()) {
            errors.rejectValue("to", "invalid", number.problem());
        }
        if (form.body() == null || form.body().isBlank()) {
            errors.rejectValue("body", "empty", "Write the text to send.");
        }
        if (errors.hasErrors()) {
            return index(null, null, null, model);
        }
        try {
            long id = this.gateway.send(number.number().e164(), form.body().strip(), form.sender());
            redirect.addFlashAttribute("success", "Message queued for " + number.number().e164() + ".");
            return "redirect:/messages/" + id;
        }
        catch (IllegalArgumentException ex) {
            errors.reject("message", ex.getMessage());
            return index(null, null, null, model);
        }
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
