package org.smscampaign.web.message;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.messaging.MessageEventView;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.MessagingProperties;

import org.smscampaign.web.error.ProblemType;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Outbound messages over REST: their status and history, and a single text sent now. */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages")
class MessageApiController {

    private final MessageGateway gateway;

    private final PhoneNumbers numbers;

    private final ContactProperties contactSettings;

    private final SendableTemplates templates;

    MessageApiController(MessageGateway gateway, PhoneNumbers numbers, ContactProperties contactSettings,
            SendableTemplates templates) {
        this.templates = templates;
        this.gateway = gateway;
        this.numbers = numbers;
        this.contactSettings = contactSettings;
    }

    /** A message with its history. */
    record MessageWithHistory(MessageView message, List<MessageEventView> history) {

    }

    /**
     * A text to send now, on the channel of its sender.
     *
     * @param to the number, international or in the default region's format
     * @param body the free text (not needed with a template)
     * @param sender a configured sender (default: "default")
     * @param template an approved template instead of free text (WhatsApp, RCS senders)
     */
    record SendRequest(String to, String body, String sender, TemplateRequest template) {

    }

    /**
     * An approved template of the account (GET /api/v1/templates) and its variables'
     * values.
     *
     * @param sid the template's sid (HX…)
     * @param variables a value for each of its variables, by name ({"1": "Anna"})
     */
    record TemplateRequest(String sid, java.util.Map<String, String> variables) {

    }

    @GetMapping
    @Operation(summary = "Messages, newest first", description = "Filtered by campaign, status or number.")
    List<MessageView> search(@RequestParam(required = false) Long campaign,
            @RequestParam(required = false) MessageStatus status, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "100") int limit) {
        return this.gateway.search(new MessageSearch(campaign, status, to), Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A message and its history",
            description = "Every status it went through, with the provider's error codes and the gateway's notes. "
                    + "Its cost: `price` in `priceUnit` as the provider stated it (asked for once the message is "
                    + "final), else `estimatedCost` in `estimateCurrency` from the price table.")
    MessageWithHistory get(@PathVariable long id) {
        MessageView message = this.gateway.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Message " + id));
        return new MessageWithHistory(message, this.gateway.history(id));
    }

    @PostMapping
    @Operation(summary = "Send one message now, on the channel of its sender",
            description = "Queued like every message: paced per sender, never to a suppressed number. "
                    + "Segments are counted from the text (GSM-7 or UCS-2). A WhatsApp or RCS sender sends "
                    + "`template` (an approved one of GET /api/v1/templates, every variable filled) as Twilio's "
                    + "ContentSid and ContentVariables; free text on WhatsApp only within 24 hours of the person's "
                    + "last message (else 422 `outside-customer-window`). An unknown or unapproved template: 422 "
                    + "`template-not-approved`.")
    ResponseEntity<MessageWithHistory> send(@RequestBody SendRequest request) {
        PhoneNumbers.Result number = this.numbers.parse(request.to(), this.contactSettings.defaultRegion());
        if (!number.isValid()) {
            throw new IllegalArgumentException("to: " + number.problem());
        }
        String sender = (request.sender() != null) ? request.sender() : MessagingProperties.DEFAULT_SENDER;
        if (!this.gateway.senders().contains(sender)) {
            throw new IllegalArgumentException("sender: no sender '" + sender + "' is configured");
        }
        long id;
        if (request.template() != null && request.template().sid() != null && !request.template().sid().isBlank()) {
            SendableTemplates.Sendable template = this.templates.resolve(sender, request.template().sid(),
                    request.template().variables());
            id = this.gateway.send(number.number().e164(), template.text(), sender, template.content());
        }
        else {
            id = this.gateway.send(number.number().e164(), request.body(), sender, null);
        }
        return ResponseEntity.created(URI.create("/api/v1/messages/" + id)).body(get(id));
    }

    @ExceptionHandler(TemplateRefused.class)
    ProblemDetail templateRefused(TemplateRefused ex) {
        ProblemDetail problem = (ex.kind() == TemplateRefused.Kind.NOT_APPROVED)
                ? ProblemType.TEMPLATE_NOT_APPROVED.problem(ex.getMessage())
                : ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
        problem.setProperty("errors", List.of(java.util.Map.of("field", "template", "message", ex.getMessage())));
        return problem;
    }

}
