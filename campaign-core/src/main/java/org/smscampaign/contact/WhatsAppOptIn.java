package org.smscampaign.contact;

import java.time.Instant;

/**
 * A WhatsApp consent given with a contact (an import row): the status, when it was given
 * (null: now) and the proof kept in the consent log.
 */
public record WhatsAppOptIn(WhatsAppConsent status, Instant at, String proof) {

    public WhatsAppOptIn withProof(String proof) {
        return new WhatsAppOptIn(this.status, this.at, proof);
    }

}
