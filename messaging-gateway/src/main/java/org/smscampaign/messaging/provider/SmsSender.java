package org.smscampaign.messaging.provider;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

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

    /**
     * The prices the provider states for messages it took, by their sid; a message it has
     * not priced yet is left out. Throws when the provider cannot be asked now.
     */
    Map<String, StatedPrice> prices(Collection<String> sids);

    /**
     * The account's message templates (Content API) with their WhatsApp approval. Throws
     * when the provider cannot be asked now.
     */
    java.util.List<org.smscampaign.messaging.ContentTemplateView> templates();

}
