package org.smscampaign.contact;

/**
 * A contact's personal data was erased on request. Published inside the erasing
 * transaction with the number it had (kept nowhere), so that what still waits for that
 * number is withdrawn in the same commit.
 */
public record ContactErased(long contactId, String formerPhoneNumber) {

}
