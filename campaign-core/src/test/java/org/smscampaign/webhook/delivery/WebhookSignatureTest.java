package org.smscampaign.webhook.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test";

    static final String BODY = "{\"id\":\"e1\",\"type\":\"webhook.test\"}";

    static final Instant AT = Instant.ofEpochSecond(1733550000);

    @Test
    void hmacSha256MatchesThePublishedVector() {
        // RFC 4231 style vector, also in Wikipedia's HMAC article.
        assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
            .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void theHeaderSignsTheTimeDotTheRawBody() {
        // openssl: printf '%s' '1733550000.<body>' | openssl dgst -sha256 -hmac
        // whsec_test
        assertThat(WebhookSignature.header(SECRET, AT, BODY))
            .isEqualTo("t=1733550000,v1=df2582d725419f5c56a75a01e17de3c82ca6323fa90e7566013a3e439d022a66");
    }

    @Test
    void aReceiverAcceptsTheSignatureAndRefusesChangesAndReplays() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(30), tolerance)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", AT, tolerance)).as("body changed").isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, AT, tolerance)).as("other secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(301), tolerance)).as("replayed late")
            .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1733550000", "t=1733550100"), BODY,
                AT.plusSeconds(100), tolerance))
            .as("time changed")
            .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1733550000,v1=00," + header.substring(header.indexOf("v1=")),
                BODY, AT, tolerance))
            .as("one of several v1 matches (rotation)")
            .isTrue();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, AT, tolerance)).isFalse();
    }

}
