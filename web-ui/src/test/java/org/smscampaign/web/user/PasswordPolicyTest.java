package org.smscampaign.web.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The password rule (issue 16, finding 7: it checked only the length). */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesBreachedAndCommonPasswordsOfAnyLength() {
        for (String common : new String[] { "Password123!", "P@ssw0rd12345", "qwertyuiop123", "iloveyou12345",
                "123456789012" }) {
            assertThatExceptionOfType(AccountRuleViolation.class).as(common)
                .isThrownBy(() -> this.policy.check("carol", common))
                .withMessageStartingWith("This password is too easy to guess");
        }
    }

    @Test
    void refusesThePlatformsOwnWordsWithDigits() {
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.policy.check("carol", "smscampaign123"));
    }

    @Test
    void refusesAPasswordBuiltOnTheUsername() {
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.policy.check("carol.smith", "Carol.Smith-2026-x"))
            .withMessage("A password must not contain the username.");
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.policy.check("carol.smith", "htims.lorac-rocks"))
            .withMessage("A password must not contain the username.");
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThatExceptionOfType(AccountRuleViolation.class).isThrownBy(() -> this.policy.check("carol", "Xk9#qL2!"))
            .withMessageContaining("12");
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.policy.check("carol", "x7Kq".repeat(33)))
            .withMessageContaining("128");
    }

    @Test
    void acceptsPassphrasesAndGeneratedPasswords() {
        for (String strong : new String[] { "correct horse battery staple", "a-long-enough-password", "X7kq2mPz9LwR4t",
                "bench-1765065600123456789" }) {
            assertThatCode(() -> this.policy.check("carol", strong)).as(strong).doesNotThrowAnyException();
        }
    }

}
