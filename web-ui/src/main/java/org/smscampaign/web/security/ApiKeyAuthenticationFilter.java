package org.smscampaign.web.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries an API key ({@code X-API-Key: sms_...} or
 * {@code Authorization: Bearer sms_...}) for this request only: nothing goes into a
 * session. A request without a key passes through unchanged (a browser session may still
 * authenticate it); a request with a wrong or revoked key is refused with 401 at once.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;

    private final AuthenticationEntryPoint entryPoint;

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    static boolean hasApiKey(HttpServletRequest request) {
        return presentedKey(request).isPresent();
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            return Optional.of(header);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()));
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = this.apiKeys.authenticate(presented.get());
        if (key.isEmpty()) {
            this.entryPoint.commence(request, response, new BadCredentialsException("Invalid API key"));
            return;
        }
        SecurityContext context = this.contexts.createEmptyContext();
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(key.get().role().authority()));
        authorities.add(new SimpleGrantedAuthority(ApiKeyScopes.API_KEY));
        key.get().scopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("api-key:" + key.get().name(), null, authorities));
        this.contexts.setContext(context);
        chain.doFilter(request, response);
    }

}
