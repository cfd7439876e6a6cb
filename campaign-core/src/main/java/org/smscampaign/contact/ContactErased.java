package org.smscampaign.contact;

/** A contact's personal data was erased on request. */
public record ContactErased(long contactId) {

}
