package org.smscampaign.messaging;

/**
 * What one step of a cascade sends to one recipient: the text (for WhatsApp with a
 * template, the template rendered for people to read), its SMS segments, and the template
 * when there is one.
 *
 * @param template null for a free text
 */
public record StepText(String body, int segments, TemplateContent template) {

}
