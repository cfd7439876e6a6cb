package org.smscampaign.web.user;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 9: the admin read "size must be between 12 and 128" under a password
 * that was too short. Each message names its field and says what to do.
 */
class NewUserFormTest {

    static ValidatorFactory factory;

    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static List<String> messages(NewUserForm form) {
        return validator.validate(form).stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    @Test
    void aShortPasswordAndUsernameAreNamedWithTheirLimits() {
        assertThat(messages(new NewUserForm("al", Role.MARKETER, "short"))).containsExactly(
                "Password must be " + UserAccounts.MIN_PASSWORD_LENGTH + " to 128 characters.",
                "Username must be 3 to 64 characters.");
    }

    @Test
    void missingFieldsSayWhatToEnter() {
        assertThat(messages(new NewUserForm(" ", null, "")))
            .contains("Enter a username.", "Enter a password.", "Choose a role.")
            .noneMatch((message) -> message.contains("must not be") || message.contains("size must be"));
    }

}
