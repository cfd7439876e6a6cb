package org.smscampaign.web.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.web.security.Role;

/** The admin's form for a new API key. */
record NewApiKeyForm(@NotBlank @Size(max = 100) String name, @NotNull Role role) {

    static NewApiKeyForm empty() {
        return new NewApiKeyForm("", Role.MARKETER);
    }

}
