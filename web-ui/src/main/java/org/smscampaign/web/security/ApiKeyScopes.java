package org.smscampaign.web.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets an API key through only with the scope a request needs; other callers (sessions)
 * pass, their role decides. Combined with a role rule in {@link SecurityConfiguration}.
 */
final class ApiKeyScopes implements AuthorizationManager<RequestAuthorizationContext> {

    /** The authority every API-key authentication carries. */
    static final String API_KEY = "API_KEY";

    private final ApiScope needed;

    private ApiKeyScopes(ApiScope needed) {
        this.needed = needed;
    }

    static ApiKeyScopes require(ApiScope scope) {
        return new ApiKeyScopes(scope);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !has(caller, API_KEY)) {
            return new AuthorizationDecision(true);
        }
        return new AuthorizationDecision(has(caller, this.needed.authority()));
    }

    private static boolean has(Authentication caller, String authority) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

}
