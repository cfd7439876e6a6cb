package org.smscampaign.web.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.TemplateContent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a chosen template and its values into what goes out: checked against the
 * account's approved templates (ContentTemplates), every variable filled, the values as
 * Twilio's ContentVariables JSON, and the text as the person reads it.
 */
@Component
class SendableTemplates {

    private final ContentTemplates templates;

    private final MessageGateway gateway;

    private final JsonMapper json;

    SendableTemplates(ContentTemplates templates, MessageGateway gateway, JsonMapper json) {
        this.templates = templates;
        this.gateway = gateway;
        this.json = json;
    }

    /** A template ready to send: its content for the provider, its text for people. */
    record Sendable(TemplateContent content, String text) {

    }

    /** The approved templates, for senders whose channel takes them. */
    List<ContentTemplateView> approved() {
        return this.templates.approved();
    }

    /** Whether the sender's channel sends templates (WhatsApp, RCS). */
    boolean takesTemplates(String sender) {
        return this.gateway.channelOf(sender) != Channel.SMS;
    }

    Sendable resolve(String sender, String sid, Map<String, String> values) {
        if (!takesTemplates(sender)) {
            throw new TemplateRefused(TemplateRefused.Kind.INVALID,
                    "The sender '" + sender + "' sends SMS, which takes plain text, not a template");
        }
        ContentTemplateView template = this.templates.find(sid.strip())
            .orElseThrow(() -> new TemplateRefused(TemplateRefused.Kind.NOT_APPROVED,
                    "No template " + sid.strip() + " in the account; see GET /api/v1/templates"));
        if (!template.approved()) {
            throw new TemplateRefused(TemplateRefused.Kind.NOT_APPROVED,
                    "The template '" + template.name() + "' is "
                            + template.approval().name().toLowerCase(java.util.Locale.ROOT)
                            + " at WhatsApp, not approved: it cannot be sent yet");
        }
        Map<String, String> given = (values != null) ? values : Map.of();
        Map<String, String> filled = new LinkedHashMap<>();
        for (String variable : template.variables()) {
            String value = given.get(variable);
            if (value == null || value.isBlank()) {
                throw new TemplateRefused(TemplateRefused.Kind.INVALID,
                        "The template '" + template.name() + "' needs a value for {{" + variable + "}}");
            }
            filled.put(variable, value.strip());
        }
        return new Sendable(
                new TemplateContent(template.sid(), filled.isEmpty() ? null : this.json.writeValueAsString(filled)),
                template.render(filled));
    }

}
