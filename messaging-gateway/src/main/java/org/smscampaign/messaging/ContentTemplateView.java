package org.smscampaign.messaging;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template of the provider's Content API, as the account holds it: its sid
 * ({@code HX…}), name, language, WhatsApp approval, and text with numbered variables
 * ({@code Hi {{1}}, your order {{2}} ships today}).
 *
 * @param variables the variables the text uses, in order ("1", "2")
 */
public record ContentTemplateView(String sid, String name, String language, Approval approval, String body,
        List<String> variables) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public ContentTemplateView {
        variables = (variables != null) ? List.copyOf(variables) : variablesOf(body);
    }

    /**
     * Where a template stands with WhatsApp: only APPROVED ones may start a conversation.
     */
    public enum Approval {

        APPROVED, PENDING, REJECTED, UNSUBMITTED

    }

    public boolean approved() {
        return this.approval == Approval.APPROVED;
    }

    /**
     * The text as the person reads it, with the values put in (a missing one stays
     * empty).
     */
    public String render(Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher((this.body != null) ? this.body : "");
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** The variables a text uses, in the order they first appear. */
    public static List<String> variablesOf(String body) {
        Matcher matcher = VARIABLE.matcher((body != null) ? body : "");
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

}
