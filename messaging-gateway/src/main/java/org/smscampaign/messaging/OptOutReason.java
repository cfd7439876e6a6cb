package org.smscampaign.messaging;

/** Why a number is not texted any more. */
public enum OptOutReason {

    /** The recipient replied an opt-out keyword (STOP...), or the provider said so. */
    KEYWORD,

    /** The provider refused a message because the recipient unsubscribed (21610). */
    CARRIER,

    /** A person read a reply and decided it was an opt-out. */
    REVIEWED_REPLY,

    /** Listed by a person. */
    MANUAL

}
