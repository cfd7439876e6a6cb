package org.smscampaign.web.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.web.security.Role;

/** The admin's form for a new user. */
record NewUserForm(
        @NotBlank(message = "Enter a username.") @Size(min = 3, max = 64,
                message = "Username must be {min} to {max} characters.") String username,
        @NotNull(message = "Choose a role.") Role role,
        @NotBlank(message = "Enter a password.") @Size(min = UserAccounts.MIN_PASSWORD_LENGTH, max = 128,
                message = "Password must be {min} to {max} characters.") String password) {

    static NewUserForm empty() {
        return new NewUserForm("", Role.MARKETER, "");
    }

}
