package org.smscampaign.campaign.cascade;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.DeliveredWhen;
import org.smscampaign.messaging.MessagingProperties;

import org.springframework.stereotype.Component;

/**
 * What makes a cascade sendable: 2 to 4 steps on distinct channels, exactly one SMS step
 * on the campaign's own sender (every recipient's last resort, with the opt-out line), an
 * approved template with every variable given on WhatsApp, timeouts of 1 minute to 72
 * hours, and "read" only where the channel reports it.
 */
@Component
public class CascadeRules {

    /** The longest a step waits before the next channel is tried: 72 hours. */
    public static final int MAX_TIMEOUT_MINUTES = 72 * 60;

    private final MessagingProperties messaging;

    private final ContentTemplates templates;

    CascadeRules(MessagingProperties messaging, ContentTemplates templates) {
        this.messaging = messaging;
        this.templates = templates;
    }

    /** Why the draft's cascade cannot be sent ("cascade: ..."), empty when it can. */
    public Optional<String> problem(CampaignDraft draft) {
        CampaignDraft.Cascade cascade = draft.cascade();
        if (cascade == null) {
            return Optional.empty();
        }
        List<CampaignDraft.CascadeStep> steps = cascade.steps();
        if (steps.size() < 2 || steps.size() > 4) {
            return fail("give 2 to 4 channels to try in turn, or send by SMS only.");
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        int smsSteps = 0;
        for (int i = 0; i < steps.size(); i++) {
            CampaignDraft.CascadeStep step = steps.get(i);
            String name = "step " + (i + 1);
            MessagingProperties.Sender sender = (step.sender() != null) ? this.messaging.senders().get(step.sender())
                    : null;
            if (sender == null) {
                return fail(name + " needs one of the senders " + this.messaging.senders().keySet() + ".");
            }
            Channel channel = sender.channel();
            if (!channels.add(channel)) {
                return fail("each channel may be tried once; " + label(channel) + " is there twice.");
            }
            if (step.timeoutMinutes() < 1 || step.timeoutMinutes() > MAX_TIMEOUT_MINUTES) {
                return fail(name + ": wait between 1 minute and 72 hours before trying the next channel.");
            }
            if (step.deliveredWhen() == DeliveredWhen.READ && channel == Channel.SMS) {
                return fail(name + ": SMS does not report reading; count it as delivered on its receipt.");
            }
            Optional<String> text = switch (channel) {
                case SMS -> smsStep(draft, step, name);
                case WHATSAPP -> whatsAppStep(step, name);
                case RCS -> rcsStep(step, name);
            };
            if (text.isPresent()) {
                return text;
            }
            smsSteps += (channel == Channel.SMS) ? 1 : 0;
        }
        if (smsSteps != 1) {
            return fail("add the SMS sender " + draft.sender() + " as one step: it reaches everyone the other "
                    + "channels do not.");
        }
        return Optional.empty();
    }

    private static Optional<String> smsStep(CampaignDraft draft, CampaignDraft.CascadeStep step, String name) {
        if (!step.sender().equals(draft.sender())) {
            return fail(name + ": the SMS step sends from the campaign's sender " + draft.sender() + ".");
        }
        if (step.body() != null || step.template() != null) {
            return fail(name + ": the SMS step sends the variants' texts; leave its own text empty.");
        }
        return Optional.empty();
    }

    private static Optional<String> rcsStep(CampaignDraft.CascadeStep step, String name) {
        if (step.template() != null) {
            return fail(name + ": RCS sends a text (or the variant's); templates are for WhatsApp.");
        }
        return (step.body() != null) ? parses(step.body(), name + " text") : Optional.empty();
    }

    private Optional<String> whatsAppStep(CampaignDraft.CascadeStep step, String name) {
        CampaignDraft.StepTemplate chosen = step.template();
        if (chosen == null || chosen.sid() == null || chosen.sid().isBlank()) {
            return fail(name + ": WhatsApp starts a conversation only with an approved template; choose one.");
        }
        Optional<ContentTemplateView> found = this.templates.find(chosen.sid());
        if (found.isEmpty()) {
            return fail(name + ": the account has no template " + chosen.sid() + ".");
        }
        if (!found.get().approved()) {
            return fail(name + ": the template " + found.get().name() + " is not approved by WhatsApp ("
                    + found.get().approval().name().toLowerCase() + ").");
        }
        Map<String, String> values = chosen.variables();
        for (String variable : found.get().variables()) {
            String value = values.get(variable);
            if (value == null || value.isBlank()) {
                return fail(name + ": fill in {{" + variable + "}} of the template " + found.get().name() + ".");
            }
            Optional<String> parsed = parses(value, name + " {{" + variable + "}}");
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> parses(String text, String what) {
        try {
            MessageTemplate.parse(text);
            return Optional.empty();
        }
        catch (IllegalArgumentException ex) {
            return fail(what + ": " + ex.getMessage());
        }
    }

    private static Optional<String> fail(String message) {
        return Optional.of("cascade: " + message);
    }

    /** A channel as people name it. */
    public static String label(Channel channel) {
        return switch (channel) {
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp";
            case RCS -> "RCS";
        };
    }

}
