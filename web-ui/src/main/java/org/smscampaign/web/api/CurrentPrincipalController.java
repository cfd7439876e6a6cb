package org.smscampaign.web.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API sees: lets an integration check its API key before doing real work. */
@RestController
@Tag(name = "Account")
class CurrentPrincipalController {

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller's identity and roles",
            description = "Answers for a valid API key (X-API-Key or Authorization: Bearer) or a signed-in session.")
    CurrentPrincipal me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter((authority) -> authority.startsWith("ROLE_"))
            .map((authority) -> authority.substring("ROLE_".length()))
            .sorted()
            .toList();
        String name = authentication.getName();
        boolean apiKey = name.startsWith("api-key:");
        return new CurrentPrincipal(apiKey ? name.substring("api-key:".length()) : name, roles,
                apiKey ? "api-key" : "session");
    }

    /** The caller of an API request. */
    record CurrentPrincipal(String name, List<String> roles, String authenticatedBy) {

    }

}
