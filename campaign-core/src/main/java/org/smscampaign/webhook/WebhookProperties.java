package org.smscampaign.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outgoing webhooks.
 *
 * @param allowHttpLoopback endpoints on this computer (localhost, 127/8, ::1) are
 * allowed, over plain http too: for tests and the demo, never in production
 * @param connectTimeout how long connecting to an endpoint may take
 * @param readTimeout how long an endpoint may take to answer once connected
 * @param maxAttempts attempts of one delivery before it is failed
 * @param firstRetry the wait after the first failed attempt; each next one doubles
 * @param maxRetry the longest wait between two attempts
 * @param jitter the share of each wait taken off at random (0 to 1), so that endpoints
 * that failed together are not retried together
 * @param pollInterval how often each instance looks for due deliveries
 * @param batchSize deliveries an instance claims at once
 * @param concurrency deliveries an instance sends at once
 * @param testWait how long the "Send test" button waits for the outcome to show it
 */
@ConfigurationProperties("sms.webhook")
public record WebhookProperties(@DefaultValue("false") boolean allowHttpLoopback,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry, @DefaultValue("0.2") double jitter,
        @DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("4") int concurrency, @DefaultValue("15s") Duration testWait) {

    public WebhookProperties {
        if (maxAttempts < 1 || batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException("sms.webhook max-attempts, batch-size and concurrency must be >= 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("sms.webhook.jitter must be between 0 and 1");
        }
    }

    /**
     * How long a claimed batch is kept from other instances: time to send it all, plus a
     * margin. A delivery whose instance died is sent again after it.
     */
    public Duration lease() {
        long rounds = (this.batchSize + this.concurrency - 1) / this.concurrency;
        return this.connectTimeout.plus(this.readTimeout).multipliedBy(rounds).plusSeconds(30);
    }

}
