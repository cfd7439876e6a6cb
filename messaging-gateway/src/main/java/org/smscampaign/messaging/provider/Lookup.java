package org.smscampaign.messaging.provider;

import org.smscampaign.messaging.MessageStatus;

/** What a provider knows of a message after an ambiguous attempt. */
public sealed interface Lookup {

    /** It has the message. */
    record Found(String sid, MessageStatus status) implements Lookup {

    }

    /** It has no such message: it never arrived. */
    record NotFound() implements Lookup {

    }

    /** It cannot tell (not reachable, or keeps no record). */
    record CannotTell(String detail) implements Lookup {

    }

}
