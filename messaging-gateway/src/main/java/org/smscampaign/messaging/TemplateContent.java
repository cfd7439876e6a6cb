package org.smscampaign.messaging;

/**
 * An approved template of the provider's Content API (WhatsApp business-initiated
 * messages): its sid ({@code HX…}) and the values of its variables as JSON
 * ({@code {"1":"Anna","2":"https://go.brand.example/Ab3xK9q"}}), as Twilio's
 * {@code ContentSid} and {@code ContentVariables} take them.
 */
public record TemplateContent(String contentSid, String variables) {

    public TemplateContent {
        if (contentSid == null || contentSid.isBlank()) {
            throw new IllegalArgumentException("A template needs its content sid");
        }
        contentSid = contentSid.strip();
        variables = (variables == null || variables.isBlank()) ? null : variables;
    }

}
