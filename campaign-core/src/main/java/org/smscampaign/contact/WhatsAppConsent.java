package org.smscampaign.contact;

/**
 * Whether a contact agreed to business messages on WhatsApp: a consent of its own, next
 * to the SMS consent, with its proof in the consent log. It never makes a contact who
 * unsubscribed from SMS reachable by SMS.
 */
public enum WhatsAppConsent {

    NONE("Not given"), OPTED_IN("Opted in"), OPTED_OUT("Opted out");

    private final String label;

    WhatsAppConsent(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

    /** The status this consent is logged with (the log's status column is shared). */
    ConsentStatus logged() {
        return switch (this) {
            case NONE -> ConsentStatus.PENDING;
            case OPTED_IN -> ConsentStatus.SUBSCRIBED;
            case OPTED_OUT -> ConsentStatus.UNSUBSCRIBED;
        };
    }

    static WhatsAppConsent ofLogged(ConsentStatus status) {
        return switch (status) {
            case PENDING -> NONE;
            case SUBSCRIBED -> OPTED_IN;
            case UNSUBSCRIBED -> OPTED_OUT;
        };
    }

}
