package org.smscampaign.web.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.web.security.Role;

/** The admin's form for a new user. */
record NewUserForm(@NotBlank @Size(min = 3, max = 64) String username, @NotNull Role role,
        @NotBlank @Size(min = UserAccounts.MIN_PASSWORD_LENGTH, max = 128) String password) {

    static NewUserForm empty() {
        return new NewUserForm("", Role.MARKETER, "");
    }

}
