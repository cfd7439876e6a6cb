package org.smscampaign.contact;

/**
 * A contact's WhatsApp consent changed (an event for other modules, e.g. to withdraw
 * queued WhatsApp steps after an opt-out).
 */
public record WhatsAppConsentChanged(long contactId, WhatsAppConsent status, ConsentSource source) {

}
