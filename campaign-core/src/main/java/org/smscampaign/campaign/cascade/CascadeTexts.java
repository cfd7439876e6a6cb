package org.smscampaign.campaign.cascade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.messaging.StepText;
import org.smscampaign.messaging.TemplateContent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text each step of a cascade sends, parsed once per campaign and rendered per
 * recipient through the same merge fields and tracked links as the variants: SMS the
 * variant's full text (with its opt-out line), RCS its own text or the variant's,
 * WhatsApp its approved template with the variables rendered (the body then is the
 * template as the person reads it). A recipient's links are minted once and shared by
 * every step.
 */
public final class CascadeTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Parsed> steps = new ArrayList<>();

    /** One step's parsed text: an RCS body, or a template and its variables. */
    private record Parsed(Channel channel, MessageTemplate body, ContentTemplateView template,
            Map<String, MessageTemplate> variables) {

    }

    public CascadeTexts(CascadePlan plan, ContentTemplates templates) {
        for (CascadePlan.Step step : plan.listed()) {
            CampaignDraft.CascadeStep draft = step.step();
            MessageTemplate body = (draft.body() != null) ? MessageTemplate.parse(draft.body()) : null;
            ContentTemplateView template = null;
            Map<String, MessageTemplate> variables = new LinkedHashMap<>();
            if (draft.template() != null) {
                template = templates.find(draft.template().sid())
                    .orElseThrow(() -> new IllegalStateException("No template " + draft.template().sid()));
                draft.template()
                    .variables()
                    .forEach((name, value) -> variables.put(name, MessageTemplate.parse(value)));
            }
            this.steps.add(new Parsed(step.channel(), body, template, variables));
        }
    }

    /**
     * Every link target of a recipient's texts, each once: the variant's first, then the
     * steps'.
     */
    public List<String> links(MessageTemplate variant) {
        LinkedHashSet<String> targets = new LinkedHashSet<>(variant.links());
        for (Parsed step : this.steps) {
            if (step.body() != null) {
                targets.addAll(step.body().links());
            }
            step.variables().values().forEach((value) -> targets.addAll(value.links()));
        }
        return List.copyOf(targets);
    }

    /** Renders a template with each link's short link by its target. */
    public static MessageTemplate.Rendered render(MessageTemplate template, Function<String, String> fields,
            Function<String, String> shortLinkOf) {
        return template.render(fields, template.links().stream().map(shortLinkOf).toList());
    }

    /**
     * What a step sends to one recipient.
     * @param step the step's position in the draft
     * @param smsText the recipient's rendered variant text (with opt-out line)
     */
    public StepText text(int step, String smsText, Function<String, String> fields,
            Function<String, String> shortLinkOf) {
        Parsed parsed = this.steps.get(step);
        if (parsed.template() != null) {
            Map<String, String> values = new LinkedHashMap<>();
            parsed.variables().forEach((name, value) -> values.put(name, render(value, fields, shortLinkOf).text()));
            String body = parsed.template().render(values);
            return new StepText(body, SmsText.of(body).segments(),
                    new TemplateContent(parsed.template().sid(), JSON.writeValueAsString(values)));
        }
        String body = (parsed.body() != null) ? render(parsed.body(), fields, shortLinkOf).text() : smsText;
        return new StepText(body, SmsText.of(body).segments(), null);
    }

}
