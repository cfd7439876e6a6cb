package org.smscampaign.messaging.provider;

import java.math.BigDecimal;
import java.time.Duration;

import org.smscampaign.messaging.MessageStatus;

/** How one attempt to hand a message to the provider ended. */
public sealed interface SendOutcome {

    /** The provider took the message. */
    record Accepted(String sid, MessageStatus status, BigDecimal price, String priceUnit) implements SendOutcome {

    }

    /**
     * The provider refused the message for good (invalid number, unsubscribed, route not
     * permitted...): never retried.
     */
    record Rejected(int errorCode, String detail) implements SendOutcome {

    }

    /**
     * Too many requests (429): nothing was processed; retry after the given time (null:
     * the provider did not say).
     */
    record Throttled(Duration retryAfter) implements SendOutcome {

    }

    /**
     * The provider could not be reached or failed (5xx, refused connection): nothing was
     * processed; retry later.
     */
    record Unavailable(String detail) implements SendOutcome {

    }

    /**
     * No answer in time after the request may have reached the provider: the message may
     * or may not be on its way. Never resent before it is reconciled.
     */
    record Ambiguous(String detail) implements SendOutcome {

    }

}
