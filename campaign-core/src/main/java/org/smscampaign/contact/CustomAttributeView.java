package org.smscampaign.contact;

/**
 * A custom attribute: its key (as in {@code {{key}}} and CSV headers), label and type.
 */
public record CustomAttributeView(String key, String label, CustomAttributeType type) {

}
