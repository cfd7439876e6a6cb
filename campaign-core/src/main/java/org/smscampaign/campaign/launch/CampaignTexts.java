package org.smscampaign.campaign.launch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.template.MessageTemplate;

/**
 * The full text of each variant as it is sent: the author's text, the signature, and the
 * opt-out line (unless the text already tells how to stop).
 */
public final class CampaignTexts {

    private CampaignTexts() {
    }

    public static String full(CampaignDraft draft, String body, CampaignProperties properties) {
        StringBuilder text = new StringBuilder(body.strip());
        if (draft.signature() != null && !draft.signature().isBlank()) {
            text.append('\n').append(draft.signature().strip());
        }
        if (draft.optOutLine() && !body.toUpperCase(Locale.ROOT).contains("STOP")) {
            text.append('\n').append(properties.optOutLine());
        }
        return text.toString();
    }

    /** Each variant's template, parsed, by label. */
    static Map<String, MessageTemplate> templates(CampaignDraft draft, CampaignProperties properties) {
        Map<String, MessageTemplate> templates = new LinkedHashMap<>();
        for (CampaignDraft.Variant variant : draft.variants()) {
            templates.put(variant.label(), MessageTemplate.parse(full(draft, variant.body(), properties)));
        }
        return templates;
    }

    /** A name fit for utm_campaign: lower case, words joined by dashes. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "campaign" : (slug.length() > 60) ? slug.substring(0, 60) : slug;
    }

}
