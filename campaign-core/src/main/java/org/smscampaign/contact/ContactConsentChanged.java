package org.smscampaign.contact;

/**
 * A contact's consent changed (an event for other modules, e.g. to stop queued messages).
 */
public record ContactConsentChanged(long contactId, ConsentStatus status, ConsentSource source) {

}
