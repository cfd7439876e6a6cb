package org.smscampaign.messaging.provider;

import java.time.Instant;

/**
 * The port to whoever delivers messages: Twilio, or the embedded simulator.
 * Implementations make one attempt per call and say precisely how it ended; retrying is
 * the dispatcher's business.
 */
public interface SmsSender {

    /** Sends one message: one request to the provider, no retries. */
    SendOutcome send(OutgoingMessage message);

    /**
     * What the provider knows of a message whose sending had no clear outcome: whether it
     * has it (and in which state), has none, or cannot tell.
     */
    Lookup lookup(OutgoingMessage message, Instant attemptedAt);

}
