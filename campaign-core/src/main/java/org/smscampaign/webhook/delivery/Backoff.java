package org.smscampaign.webhook.delivery;

import java.time.Duration;

import org.smscampaign.webhook.WebhookProperties;

/**
 * When a failed delivery is tried again: the first wait, doubled after each failure up to
 * the longest wait, less a random share (jitter) so that endpoints that failed together
 * spread out; none after the last attempt.
 */
final class Backoff {

    private final Duration first;

    private final Duration max;

    private final double jitter;

    private final int maxAttempts;

    Backoff(WebhookProperties properties) {
        this(properties.firstRetry(), properties.maxRetry(), properties.jitter(), properties.maxAttempts());
    }

    Backoff(Duration first, Duration max, double jitter, int maxAttempts) {
        this.first = first;
        this.max = max;
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
    }

    /**
     * The wait after a failed attempt, or null when it was the last one.
     * @param attempt the attempt that failed (1 for the first)
     * @param random a number in [0, 1): 0 waits the full time
     */
    Duration after(int attempt, double random) {
        if (attempt >= this.maxAttempts) {
            return null;
        }
        int doublings = Math.min(attempt - 1, 40);
        double full = Math.min(this.first.toMillis() * Math.pow(2, doublings), this.max.toMillis());
        return Duration.ofMillis(Math.round(full * (1 - this.jitter * random)));
    }

}
