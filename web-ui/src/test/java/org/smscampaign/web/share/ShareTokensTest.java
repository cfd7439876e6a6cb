package org.smscampaign.web.share;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShareTokensTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-14T05:00:00Z");

    private final ShareTokens tokens = new ShareTokens(key("a-server-key-of-at-least-32-characters!"));

    @Test
    void aTokenNamesItsShareAndExpiry() {
        String token = this.tokens.of(42, EXPIRY);

        assertThat(token).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThat(this.tokens.verify(token)).contains(new ShareTokens.Claim(42, EXPIRY));
    }

    @Test
    void aTokenIsValidUntilItsExpiry() {
        ShareTokens.Claim claim = this.tokens.verify(this.tokens.of(42, EXPIRY)).orElseThrow();

        assertThat(claim.expired(EXPIRY.minusSeconds(1))).isFalse();
        assertThat(claim.expired(EXPIRY)).isTrue();
        assertThat(claim.expired(EXPIRY.plusSeconds(86_400))).isTrue();
    }

    @Test
    void anotherIdOrALaterExpiryInTheSameTagIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(this.tokens.of(42, EXPIRY));
        byte[] otherId = bytes.clone();
        otherId[7] = 43;
        byte[] stretched = bytes.clone();
        // One more byte of seconds: years more.
        stretched[13]++;

        assertThat(this.tokens.verify(encode(otherId))).isEmpty();
        assertThat(this.tokens.verify(encode(stretched))).isEmpty();
    }

    @Test
    void aChangedTagIsRefused() {
        String token = this.tokens.of(42, EXPIRY);
        char last = token.charAt(63);
        // The last character carries whole bits of the tag only.
        String tampered = token.substring(0, 63) + ((last == 'A') ? 'Q' : 'A');

        assertThat(this.tokens.verify(tampered)).isEmpty();
    }

    @Test
    void aTokenOfAnotherKeyIsRefused() {
        ShareTokens other = new ShareTokens(key("another-server-key-of-32-characters-or-more"));

        assertThat(this.tokens.verify(other.of(42, EXPIRY))).isEmpty();
    }

    @Test
    void anythingButATokenIsRefused() {
        String token = this.tokens.of(42, EXPIRY);

        assertThat(this.tokens.verify(null)).isEmpty();
        assertThat(this.tokens.verify("")).isEmpty();
        assertThat(this.tokens.verify(token.substring(1))).isEmpty();
        assertThat(this.tokens.verify(token + "A")).isEmpty();
        assertThat(this.tokens.verify(token.substring(0, 63) + "=")).isEmpty();
        assertThat(this.tokens.verify("*".repeat(64))).isEmpty();
    }

    @Test
    void theChoicesOfLifetimeStopAtTheLongest() {
        assertThat(new ShareProperties(null, 7, 90, 120).choices()).containsExactly(1, 7, 30, 90);
        assertThat(new ShareProperties(null, 14, 30, 120).choices()).containsExactly(1, 7, 14, 30);
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
