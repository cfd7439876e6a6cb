package org.smscampaign.campaign.launch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.template.MessageTemplate;

/**
 * The full text of each variant as it is sent: the author's text, the signature, and the
 * opt-out line of the recipient's market (unless the text already tells how to stop).
 * Parsed once per variant and market.
 */
public final class CampaignTexts {

    private final CampaignDraft draft;

    private final CampaignProperties properties;

    private final Map<String, MessageTemplate> parsed = new ConcurrentHashMap<>();

    CampaignTexts(CampaignDraft draft, CampaignProperties properties) {
        this.draft = draft;
        this.properties = properties;
    }

    public static String full(CampaignDraft draft, String body, String optOutLine) {
        StringBuilder text = new StringBuilder(body.strip());
        if (draft.signature() != null && !draft.signature().isBlank()) {
            text.append('\n').append(draft.signature().strip());
        }
        if (draft.optOutLine() && !body.toUpperCase(Locale.ROOT).contains("STOP")) {
            text.append('\n').append(optOutLine);
        }
        return text.toString();
    }

    /**
     * The template of a variant for a recipient in a country (null: the default market).
     */
    MessageTemplate of(String variant, String country) {
        String line = this.properties.optOutLineFor(country);
        return this.parsed.computeIfAbsent(variant + '\u0000' + line, (key) -> {
            CampaignDraft.Variant found = this.draft.variants()
                .stream()
                .filter((v) -> v.label().equals(variant))
                .findFirst()
                .orElseThrow();
            return MessageTemplate.parse(full(this.draft, found.body(), line));
        });
    }

    /** Each variant's template for the default market, by label. */
    Map<String, MessageTemplate> defaults() {
        Map<String, MessageTemplate> templates = new LinkedHashMap<>();
        for (CampaignDraft.Variant variant : this.draft.variants()) {
            templates.put(variant.label(), of(variant.label(), null));
        }
        return templates;
    }

    /** A name fit for utm_campaign: lower case, words joined by dashes. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "campaign" : (slug.length() > 60) ? slug.substring(0, 60) : slug;
    }

}
