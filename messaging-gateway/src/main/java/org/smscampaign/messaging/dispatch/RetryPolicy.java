package org.smscampaign.messaging.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.provider.SendOutcome;
import org.smscampaign.messaging.provider.TwilioErrors;

/**
 * What an attempt's outcome means for the message: accepted, failed for good, unknown (to
 * be reconciled), or another try later with exponential backoff and jitter (respecting
 * the provider's Retry-After). Throttling (429) never fails a message: nothing was
 * processed.
 */
final class RetryPolicy {

    private final MessagingProperties.Dispatch settings;

    RetryPolicy(MessagingProperties.Dispatch settings) {
        this.settings = settings;
    }

    Completion completion(Claimed message, SendOutcome outcome, Instant now) {
        int attempts = message.attempts() + 1;
        if (outcome instanceof SendOutcome.Accepted accepted) {
            return new Completion(message.id(), message.version() + 1,
                    (accepted.status() != null) ? accepted.status() : MessageStatus.ACCEPTED, accepted.sid(), null,
                    null, accepted.price(), accepted.priceUnit(), null);
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return new Completion(message.id(), message.version() + 1, MessageStatus.FAILED, null, rejected.errorCode(),
                    rejected.detail(), null, null, null);
        }
        if (outcome instanceof SendOutcome.Throttled throttled) {
            return retry(message, attempts, throttled.retryAfter(), "the provider throttled (429)", now, true);
        }
        if (outcome instanceof SendOutcome.Unavailable unavailable) {
            return retry(message, attempts, null, unavailable.detail(), now, false);
        }
        SendOutcome.Ambiguous ambiguous = (SendOutcome.Ambiguous) outcome;
        return new Completion(message.id(), message.version() + 1, MessageStatus.UNKNOWN, null, null,
                ambiguous.detail(), null, null, null);
    }

    private Completion retry(Claimed message, int attempts, Duration retryAfter, String detail, Instant now,
            boolean throttled) {
        if (!throttled && attempts >= this.settings.maxAttempts()) {
            return new Completion(message.id(), message.version() + 1, MessageStatus.FAILED, null, null,
                    "gave up after " + attempts + " attempts: " + detail, null, null, null);
        }
        Duration wait = backoff(attempts);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return new Completion(message.id(), message.version() + 1, MessageStatus.QUEUED, null, null,
                "attempt " + attempts + ": " + detail + "; next in " + wait.toSeconds() + " s", null, null,
                now.plus(wait));
    }

    /** Doubling from the initial backoff, capped, with jitter over its upper half. */
    Duration backoff(int attempts) {
        long initial = this.settings.initialBackoff().toMillis();
        long cap = this.settings.maxBackoff().toMillis();
        long exponential = (attempts >= 30) ? cap : Math.min(cap, initial << Math.max(0, attempts - 1));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    static boolean unsubscribed(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Rejected rejected && rejected.errorCode() == TwilioErrors.UNSUBSCRIBED;
    }

}
