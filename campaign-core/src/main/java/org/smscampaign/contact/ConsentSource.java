package org.smscampaign.contact;

/** Where a consent change came from. */
public enum ConsentSource {

    IMPORT, FORM, API, REPLY_KEYWORD, ADMIN

}
