package org.smscampaign.contact;

import java.util.Locale;
import java.util.Optional;

/**
 * The channel a contact prefers to be reached on (from an import, the API or the form):
 * cascades try it first. Named like the gateway's channels, which this module does not
 * depend on.
 */
public enum PreferredChannel {

    SMS("SMS"), WHATSAPP("WhatsApp"), RCS("RCS");

    private final String label;

    PreferredChannel(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

    /**
     * The channel as people write it ("WhatsApp", "whats app", "sms", "text", "RCS");
     * empty if it names none.
     */
    public static Optional<PreferredChannel> parse(String raw) {
        String value = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (value) {
            case "sms", "text", "texts", "textmessage", "sm" -> Optional.of(SMS);
            case "whatsapp", "wa", "whatsap" -> Optional.of(WHATSAPP);
            case "rcs", "rbm", "richmessaging", "rcsmessage" -> Optional.of(RCS);
            default -> Optional.empty();
        };
    }

}
