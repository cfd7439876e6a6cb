package org.smscampaign.contact;

/**
 * Whether a contact may receive marketing messages. Only SUBSCRIBED contacts are
 * reachable.
 */
public enum ConsentStatus {

    SUBSCRIBED, PENDING, UNSUBSCRIBED

}
