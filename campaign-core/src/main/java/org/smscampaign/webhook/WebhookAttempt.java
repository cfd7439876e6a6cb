package org.smscampaign.webhook;

import java.time.Instant;

/**
 * One POST of a delivery.
 *
 * @param number 1 for the first attempt
 * @param statusCode the endpoint's HTTP status, or null when none came (timeout, refused)
 * @param latencyMillis from sending to the answer (or the error)
 * @param error a short reason when it failed, or null
 * @param nextAttemptAt when it is tried again, or null (delivered, or given up)
 */
public record WebhookAttempt(int number, Instant at, Integer statusCode, long latencyMillis, String error,
        Instant nextAttemptAt) {

    public boolean succeeded() {
        return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
    }

}
