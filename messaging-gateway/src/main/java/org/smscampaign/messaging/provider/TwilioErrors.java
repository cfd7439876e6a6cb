package org.smscampaign.messaging.provider;

import java.util.Set;

/** Twilio error codes the gateway acts on (see sms-facts.md). */
public final class TwilioErrors {

    /**
     * The recipient unsubscribed at the carrier: add the number to the suppression list.
     */
    public static final int UNSUBSCRIBED = 21610;

    public static final int INVALID_TO = 21211;

    public static final int TOO_MANY_REQUESTS = 20429;

    /** Errors that are the recipient's or the route's: sending again cannot help. */
    public static final Set<Integer> PERMANENT = Set.of(21211, 21408, 21610, 21612, 21614, 30003, 30005, 30006, 30007,
            30008, 21606, 21617);

    private TwilioErrors() {
    }

}
