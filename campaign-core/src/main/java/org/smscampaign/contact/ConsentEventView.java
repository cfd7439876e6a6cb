package org.smscampaign.contact;

import java.time.Instant;

/** One entry of a contact's consent log. */
public record ConsentEventView(ConsentStatus status, ConsentSource source, String proof, String recordedBy,
        Instant occurredAt) {

}
