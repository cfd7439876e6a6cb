package org.smscampaign.messaging.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.provider.SendOutcome;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("sms.messaging", MessagingProperties.class)
        .dispatch());

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Claimed message(int attempts) {
        return new Claimed(1, 3, Channel.SMS, "+4917612345678", "Hi", 1, attempts, null, Attribution.NONE, 60_000);
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long expected = Math.min(600_000, 2_000L << (attempt - 1));
            Duration backoff = this.policy.backoff(attempt);
            assertThat(backoff.toMillis()).as("attempt " + attempt).isBetween(expected / 2, expected);
        }
    }

    @Test
    void throttlingIsRetriedForeverAndRespectsRetryAfter() {
        Completion completion = this.policy.completion(message(50), new SendOutcome.Throttled(Duration.ofMinutes(20)),
                NOW);

        assertThat(completion.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(completion.retryAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        assertThat(completion.version()).as("fenced by the version after starting to send").isEqualTo(4);
    }

    @Test
    void anUnavailableProviderIsRetriedUntilTheAttemptsRunOut() {
        assertThat(this.policy.completion(message(3), new SendOutcome.Unavailable("503"), NOW).status())
            .isEqualTo(MessageStatus.QUEUED);
        Completion last = this.policy.completion(message(9), new SendOutcome.Unavailable("503"), NOW);
        assertThat(last.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(last.detail()).contains("gave up after 10 attempts");
    }

    @Test
    void rejectionsFailAtOnceAndAmbiguityIsNeverRetried() {
        assertThat(this.policy.completion(message(0), new SendOutcome.Rejected(21211, "invalid"), NOW))
            .extracting(Completion::status, Completion::errorCode)
            .containsExactly(MessageStatus.FAILED, 21211);
        assertThat(this.policy.completion(message(0), new SendOutcome.Ambiguous("timeout"), NOW).status())
            .isEqualTo(MessageStatus.UNKNOWN);
        assertThat(RetryPolicy.unsubscribed(new SendOutcome.Rejected(21610, "unsubscribed"))).isTrue();
    }

}
