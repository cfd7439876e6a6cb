package org.smscampaign.contact;

/** What a bulk write does with a number that is already a contact. */
public enum ExistingContactPolicy {

    /** Given fields overwrite stored ones; tags and custom attributes are merged. */
    UPDATE,

    /** The existing contact is left as it is. */
    SKIP

}
