package org.smscampaign.contact;

import java.time.Instant;

/**
 * One entry of a contact's consent log.
 *
 * @param channel which consent changed: SMS (status as is) or WhatsApp (SUBSCRIBED
 * meaning opted in, UNSUBSCRIBED opted out)
 */
public record ConsentEventView(ConsentStatus status, ConsentSource source, String proof, String recordedBy,
        Instant occurredAt, ConsentChannel channel) {

    /** The status in the words of its channel ("Subscribed", "Opted out"). */
    public String statusLabel() {
        if (this.channel == ConsentChannel.WHATSAPP) {
            return WhatsAppConsent.ofLogged(this.status).label();
        }
        String name = this.status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

}
