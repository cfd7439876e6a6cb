package org.smscampaign.web.apikey;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.web.security.ApiScope;
import org.smscampaign.web.security.Role;

/**
 * The admin's form for a new API key: no scope is chosen in advance (least privilege).
 */
record NewApiKeyForm(
        @NotBlank(message = "Give the key a name, such as the shop or tool that uses it.") @Size(max = 100,
                message = "Name must be at most {max} characters.") String name,
        @NotNull(message = "Choose a role.") Role role,
        @NotEmpty(message = "Choose at least one scope.") Set<ApiScope> scopes) {

    static NewApiKeyForm empty() {
        return new NewApiKeyForm("", Role.MARKETER, Set.of());
    }

}
