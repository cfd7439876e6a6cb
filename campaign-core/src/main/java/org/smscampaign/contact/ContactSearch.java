package org.smscampaign.contact;

/**
 * Filters of the contact list; null means "any".
 *
 * @param text part of the phone number, name, e-mail address or city
 */
public record ContactSearch(String text, Long listId, ConsentStatus consent) {

    public static final ContactSearch ALL = new ContactSearch(null, null, null);

}
