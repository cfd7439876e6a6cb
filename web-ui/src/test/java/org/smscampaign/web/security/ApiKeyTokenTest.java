package org.smscampaign.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTokenTest {

    @Test
    void aGeneratedTokenParsesBackAndMatchesItsHashOnly() {
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKeyToken parsed = ApiKeyToken.parse(token.value()).orElseThrow();

        assertThat(parsed).isEqualTo(token);
        assertThat(token.value()).matches("sms_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}");
        assertThat(parsed.matches(token.hash())).isTrue();
        assertThat(ApiKeyToken.generate().matches(token.hash())).isFalse();
    }

    @Test
    void neverPrintsItsSecret() {
        ApiKeyToken token = ApiKeyToken.generate();
        assertThat(token.toString()).doesNotContain(token.secret()).startsWith("sms_" + token.prefix());
    }

    @Test
    void twoTokensDiffer() {
        assertThat(ApiKeyToken.generate().value()).isNotEqualTo(ApiKeyToken.generate().value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = { "sms_short_secret", "sms_ABCDEFGH_tooshort", "xyz_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ01",
                    "sms_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ01\r\nX-Injected: 1",
                    "sms_ABCDEFGH_0123456789abcdefghijABCDEFGHIJ012345678901234567890123456789" })
    void rejectsAnythingElse(String value) {
        assertThat(ApiKeyToken.parse(value)).isEmpty();
    }

}
