package org.smscampaign.web.security;

import jakarta.servlet.DispatcherType;
import org.smscampaign.web.security.signin.SignInConfiguration;

import static org.springframework.security.authorization.AuthorizationManagers.allOf;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * One security filter chain per kind of caller, tried in order:
 * <ol>
 * <li>provider webhooks {@code /webhooks/**}: authenticated by the provider's signature
 * in their handler, and nothing else;</li>
 * <li>public endpoints of browsers (redirector {@code /r/**}, landing-page tracking
 * {@code /t/**}): no session, no CSRF; redirects are public by design and
 * rate-limited;</li>
 * <li>shared read-only links {@code /shared/**}: anyone holding a signed link, no
 * session, GET only, strict headers and no referrer;</li>
 * <li>the REST API {@code /api/**}: an API key per request (bounded by its role and its
 * scopes, {@link ApiScope}), or the browser's session with its CSRF token; errors as
 * problem documents;</li>
 * <li>the actuator: probes and metrics public (configurable), the rest for admins;</li>
 * <li>pages: form login, CSRF, strict security headers.</li>
 * </ol>
 * Branded link hosts ({@code go.brand.example/Ab3xK9q}) are answered by the redirector's
 * own servlet filter ahead of all chains.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_BROWSER_PATHS = { "/r/**", "/t/**" };

    /** The REST API for admins only. */
    static final String[] ADMIN_API_PATHS = { "/api/v1/admin/**", "/api/v1/click-classification",
            "/api/v1/click-classification/**" };

    /** Making, listing and revoking shared links: managers and admins. */
    static final String[] SHARE_PATHS = { "/shares", "/shares/**" };

    static final String[] SHARE_API_PATHS = { "/api/v1/shares", "/api/v1/shares/**" };

    /** The inbox (issue 20): agents answer there, managers read it. */
    static final String[] INBOX_PATHS = { "/inbox", "/inbox/**" };

    static final String[] INBOX_API_PATHS = { "/api/v1/inbox", "/api/v1/inbox/**", "/api/v1/replies/*/kind" };

    /** Saved answers are written by marketers (and admins); agents use them. */
    static final String[] SAVED_ANSWER_PATHS = { "/inbox/saved-answers", "/inbox/saved-answers/**" };

    static final String[] SAVED_ANSWER_API_PATHS = { "/api/v1/inbox/saved-answers", "/api/v1/inbox/saved-answers/**" };

    /** The OpenAPI description and its UI: for signed-in users unless made public. */
    static final String[] API_DOCS_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**" };

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String ADMIN = Role.ADMIN.name();

    private static final String MARKETER = Role.MARKETER.name();

    private static final String MANAGER = Role.MANAGER.name();

    private static final String AGENT = Role.AGENT.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The session cookie is Secure when the request came over TLS (Spring Session's
     * default, once {@code server.servlet.session.cookie.secure} is left unset), or
     * always.
     */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie(WebSecurityProperties properties) {
        return (serializer) -> {
            if (properties.secureCookies()) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        // An agent may use the inbox and nothing else; marketers answer people too.
        return RoleHierarchyImpl.withDefaultRolePrefix()
            .role(ADMIN)
            .implies(MARKETER, MANAGER)
            .role(MARKETER)
            .implies(AGENT)
            .build();
    }

    /**
     * A receipt arrives for every message sent, so this chain is as short as it can be:
     * nothing of a person's request applies to a provider's (no session, security
     * context, CSRF, anonymous user, logout, saved request or security headers).
     */
    @Bean
    @Order(0)
    SecurityFilterChain providerWebhooks(HttpSecurity http) {
        http.securityMatcher("/webhooks/**")
            .csrf(AbstractHttpConfigurer::disable)
            .securityContext(AbstractHttpConfigurer::disable)
            .sessionManagement(AbstractHttpConfigurer::disable)
            .anonymous(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .headers(AbstractHttpConfigurer::disable)
            .servletApi(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain publicBrowserEndpoints(HttpSecurity http) {
        http.securityMatcher(PUBLIC_BROWSER_PATHS)
            .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
            .csrf((csrf) -> csrf.disable())
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache((cache) -> cache.disable());
        return http.build();
    }

    /**
     * What a shared link opens: no sign-in (the signed token is the key), read-only, no
     * session; the address is the key, so it goes to no other site as a referrer.
     */
    @Bean
    @Order(1)
    SecurityFilterChain sharedLinks(HttpSecurity http) {
        http.securityMatcher("/shared/**")
            .authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/shared/**")
                .permitAll()
                .anyRequest()
                .denyAll())
            .csrf((csrf) -> csrf.disable())
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache((cache) -> cache.disable())
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions((frames) -> frames.deny())
                .referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain restApi(HttpSecurity http, ApiKeys apiKeys, RoleHierarchy roles,
            WebSecurityProperties properties) {
        machineCaller(http.securityMatcher("/api/**"), apiKeys);
        // A page's script calls the API with the token of the page's cookie.
        http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(properties)));
        // An API key needs both: the role and the scope of the request (a session: the
        // role).
        http.authorizeHttpRequests((requests) -> requests
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
            .permitAll()
            .requestMatchers(HttpMethod.GET, ADMIN_API_PATHS)
            .access(allOf(role(ADMIN, roles), ApiKeyScopes.require(ApiScope.API_READ)))
            .requestMatchers(ADMIN_API_PATHS)
            .access(allOf(role(ADMIN, roles), ApiKeyScopes.require(ApiScope.API_WRITE)))
            // Revenue: a shop's key with conversions:write (a marketer's or admin's),
            // never a read-only manager's.
            // Shared links hand figures to people without an account: managers decide.
            .requestMatchers(HttpMethod.GET, SHARE_API_PATHS)
            .access(allOf(role(MANAGER, roles), ApiKeyScopes.require(ApiScope.API_READ)))
            .requestMatchers(SHARE_API_PATHS)
            .access(allOf(role(MANAGER, roles), ApiKeyScopes.require(ApiScope.API_WRITE)))
            .requestMatchers(HttpMethod.POST, "/api/v1/conversions")
            .access(allOf(role(MARKETER, roles), ApiKeyScopes.require(ApiScope.CONVERSIONS_WRITE)))
            // Uploaded results and redemptions are revenue too: the shop's key may send
            // them.
            .requestMatchers(HttpMethod.POST, "/api/v1/conversion-imports")
            .access(allOf(role(MARKETER, roles), ApiKeyScopes.require(ApiScope.CONVERSIONS_WRITE)))
            // The inbox: agents (and marketers) work it, managers read it; saved answers
            // are the marketers'. An agent reaches nothing else but who it is.
            .requestMatchers(HttpMethod.GET, "/api/v1/me")
            .access(allOf(AuthenticatedAuthorizationManager.authenticated(), ApiKeyScopes.require(ApiScope.API_READ)))
            .requestMatchers(HttpMethod.GET, INBOX_API_PATHS)
            .access(allOf(anyRole(roles, AGENT, MANAGER), ApiKeyScopes.require(ApiScope.API_READ)))
            .requestMatchers(SAVED_ANSWER_API_PATHS)
            .access(allOf(role(MARKETER, roles), ApiKeyScopes.require(ApiScope.API_WRITE)))
            .requestMatchers(INBOX_API_PATHS)
            .access(allOf(role(AGENT, roles), ApiKeyScopes.require(ApiScope.API_WRITE)))
            .requestMatchers(HttpMethod.GET, "/api/**")
            .access(allOf(anyRole(roles, MARKETER, MANAGER), ApiKeyScopes.require(ApiScope.API_READ)))
            .anyRequest()
            .access(allOf(role(MARKETER, roles), ApiKeyScopes.require(ApiScope.API_WRITE))));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> role(String role, RoleHierarchy roles) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> manager = AuthorityAuthorizationManager
            .hasRole(role);
        manager.setRoleHierarchy(roles);
        return manager;
    }

    private static AuthorizationManager<RequestAuthorizationContext> anyRole(RoleHierarchy roles, String... names) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> manager = AuthorityAuthorizationManager
            .hasAnyRole(names);
        manager.setRoleHierarchy(roles);
        return manager;
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, ApiKeys apiKeys, WebSecurityProperties properties) {
        machineCaller(http.securityMatcher(EndpointRequest.toAnyEndpoint()), apiKeys);
        String[] publicEndpoints = properties.publicActuatorEndpoints().toArray(String[]::new);
        http.authorizeHttpRequests((requests) -> {
            if (publicEndpoints.length > 0) {
                requests.requestMatchers(EndpointRequest.to(publicEndpoints)).permitAll();
            }
            requests.anyRequest().hasRole(ADMIN);
        });
        return http.build();
    }

    /**
     * The pages. Nothing of an anonymous visitor is stored on the server: the CSRF token
     * of the login form and the page asked for before signing in live in the browser's
     * cookies, and a session exists only from sign-in on.
     */
    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, WebSecurityProperties properties) {
        RequestCache requestedPages = SignInRedirects.requestCache();
        http.authorizeHttpRequests((requests) -> pageRules(requests, properties.publicApiDocs()))
            .csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(properties)))
            .requestCache((cache) -> cache.requestCache(requestedPages))
            .formLogin((login) -> login.loginPage("/login")
                .successHandler(SignInRedirects.to(requestedPages))
                .failureHandler(SignInConfiguration.failureHandler())
                .permitAll())
            .logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
            .sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions((frames) -> frames.deny())
                .referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The CSRF token in a cookie of its own (HttpOnly; Secure when the request is, or
     * always with {@code sms.web.security.secure-cookies}), checked against the form
     * field or header: no session needed.
     */
    static CsrfTokenRepository csrfTokens(WebSecurityProperties properties) {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        // The header scripts and API clients have always sent.
        tokens.setHeaderName("X-CSRF-TOKEN");
        tokens.setCookieCustomizer((cookie) -> {
            cookie.sameSite("Lax");
            if (properties.secureCookies()) {
                cookie.secure(true);
            }
        });
        return tokens;
    }

    private static void pageRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            boolean publicApiDocs) {
        if (publicApiDocs) {
            requests.requestMatchers(API_DOCS_PATHS).permitAll();
        }
        // The request of an ASYNC dispatch (streamed downloads) was authorised when it
        // arrived.
        requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
            .permitAll()
            .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
            .permitAll()
            .requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/login", "/problems", "/problems/*",
                    "/robots.txt")
            .permitAll()
            .requestMatchers("/admin/**")
            .hasRole(ADMIN)
            // The list shows working links: managers and admins only, as making them.
            .requestMatchers(SHARE_PATHS)
            .hasRole(MANAGER)
            // The inbox: the only pages of an agent; managers read it.
            .requestMatchers(HttpMethod.GET, SAVED_ANSWER_PATHS)
            .hasAnyRole(MARKETER, MANAGER)
            .requestMatchers(HttpMethod.GET, INBOX_PATHS)
            .hasAnyRole(AGENT, MANAGER)
            .requestMatchers(SAVED_ANSWER_PATHS)
            .hasRole(MARKETER)
            .requestMatchers(INBOX_PATHS)
            .hasRole(AGENT)
            // The start page sends each role to its own first page.
            .requestMatchers(HttpMethod.GET, "/")
            .authenticated()
            // Any other role reads alerts: managers mark them read too.
            .requestMatchers(HttpMethod.POST, "/notifications/read")
            .hasAnyRole(MARKETER, MANAGER)
            .requestMatchers(HttpMethod.GET, "/**")
            .hasAnyRole(MARKETER, MANAGER)
            .requestMatchers("/dashboards/**", "/reports/**")
            .hasRole(MANAGER)
            .anyRequest()
            .hasRole(MARKETER);
    }

    /**
     * API key or session, never a new session, CSRF only for session callers, JSON
     * errors.
     */
    private static void machineCaller(HttpSecurity http, ApiKeys apiKeys) {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        http.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), CsrfFilter.class)
            .csrf((csrf) -> csrf.ignoringRequestMatchers(ApiKeyAuthenticationFilter::hasApiKey))
            // No session management here: it would store a key's authentication in a
            // session a
            // client happened to have, and that cookie would then open the pages without
            // the key.
            // Browser sessions still reach the API (the security context is read, never
            // written).
            .sessionManagement((sessions) -> sessions.disable())
            .requestCache((cache) -> cache.disable())
            .exceptionHandling(
                    (exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

}
