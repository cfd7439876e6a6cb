package org.smscampaign.web.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps (discovered, so a new one cannot be left out) ×
 * every kind of caller: anonymous, marketer, manager and admin sessions, and a marketer's
 * API key. Each endpoint's expected access comes from the rules below, which an endpoint
 * must match; a caller is either let through (any answer but 401, 403 or the login page)
 * or turned away, and never gets a 5xx.
 */
@PlatformIT
class AuthorizationMatrixIT {

    /** Who may call an endpoint. */
    enum Access {

        /** Anyone (sign-in, problem types, redirects, the tracking script, API docs). */
        PUBLIC,

        /** Provider webhooks: only a valid signature, which no caller here has. */
        SIGNED_BY_PROVIDER,

        /** Any signed-in person, or on the API a key with the api:read scope. */
        SIGNED_IN,

        /**
         * The conversion postback: a marketer's or admin's session, or a key with the
         * conversions:write scope (never a manager's).
         */
        CONVERSIONS,

        /** On the API, also a marketer's key with the api:write scope. */
        MARKETER, MANAGER, ADMIN,

        /** Reading shared links: a manager's or admin's session, or a manager's key. */
        MANAGER_READ

    }

    /** A caller of the matrix. */
    enum Caller {

        ANONYMOUS, MARKETER, MANAGER, ADMIN,
        /** A marketer's key with every scope. */
        API_KEY,
        /** A marketer's key with api:read only. */
        READ_KEY,
        /** A marketer's key with conversions:write only (a shop's postback). */
        CONVERSIONS_KEY,
        /** A manager's key (api:read, all a manager's key may have). */
        MANAGER_KEY;

        boolean isKey() {
            return this == API_KEY || this == READ_KEY || this == CONVERSIONS_KEY || this == MANAGER_KEY;
        }

    }

    record Rule(Pattern path, Set<String> methods, Access access) {

        boolean matches(String method, String path) {
            return (this.methods.isEmpty() || this.methods.contains(method)) && this.path.matcher(path).matches();
        }

    }

    /** First match wins. Paths are the mapping patterns, with their {variables}. */
    static final List<Rule> RULES = List.of(rule("/login|/problems(/.*)?|/robots\\.txt", Access.PUBLIC),
            // Error dispatches render for anyone; opened directly, /error is a page like
            // others.
            rule("/error", Access.SIGNED_IN),
            // API docs behind sign-in (sms.web.security.public-api-docs=false).
            rule("/v3/api-docs.*|/swagger-ui.*", Access.SIGNED_IN), rule("/r/.*|/t/.*", Access.PUBLIC),
            rule("/webhooks/.*", Access.SIGNED_BY_PROVIDER), rule("/api/v1/admin/.*", Access.ADMIN),
            rule("/api/v1/click-classification(/.*)?", Access.ADMIN),
            // Shared links (/shared/<token>) open for anyone; making them is a manager's.
            rule("GET", "/shared/.*", Access.PUBLIC), rule("GET", "/api/v1/shares(/.*)?", Access.MANAGER_READ),
            rule("/api/v1/shares(/.*)?", Access.MANAGER), rule("/shares(/.*)?", Access.MANAGER),
            rule("POST", "/api/v1/conversions", Access.CONVERSIONS),
            rule("POST", "/api/v1/conversion-imports", Access.CONVERSIONS), rule("GET", "/api/.*", Access.SIGNED_IN),
            rule("/api/.*", Access.MARKETER), rule("/admin(/.*)?", Access.ADMIN),
            rule("POST", "/notifications/read", Access.SIGNED_IN), rule("GET", "/.*", Access.SIGNED_IN),
            rule("/(dashboards|reports)(/.*)?", Access.MANAGER), rule("/.*", Access.MARKETER));

    private static Rule rule(String path, Access access) {
        return new Rule(Pattern.compile(path), Set.of(), access);
    }

    private static Rule rule(String method, String path, Access access) {
        return new Rule(Pattern.compile(path), Set.of(method), access);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void everyEndpointLetsInExactlyTheCallersItShould() {
        Map<Caller, HttpFixture> callers = Map.of(Caller.ANONYMOUS, new HttpFixture(this.port), Caller.MARKETER,
                signedIn("demo-marketer"), Caller.MANAGER, signedIn("demo-manager"), Caller.ADMIN,
                signedIn("demo-admin"), Caller.API_KEY, new HttpFixture(this.port), Caller.READ_KEY,
                new HttpFixture(this.port), Caller.CONVERSIONS_KEY, new HttpFixture(this.port), Caller.MANAGER_KEY,
                new HttpFixture(this.port));
        Map<Caller, String> keys = Map.of(Caller.API_KEY, this.apiKeys.create("matrix", Role.MARKETER, "test").token(),
                Caller.READ_KEY,
                this.apiKeys.create("matrix-read", Role.MARKETER, Set.of(ApiScope.API_READ), "test").token(),
                Caller.CONVERSIONS_KEY,
                this.apiKeys.create("matrix-shop", Role.MARKETER, Set.of(ApiScope.CONVERSIONS_WRITE), "test").token(),
                Caller.MANAGER_KEY, this.apiKeys.create("matrix-manager", Role.MANAGER, "test").token());
        Map<Caller, String> csrf = Map.of(Caller.MARKETER, callers.get(Caller.MARKETER).csrfToken("/contacts/new"),
                Caller.MANAGER, callers.get(Caller.MANAGER).csrfToken("/reports"), Caller.ADMIN,
                callers.get(Caller.ADMIN).csrfToken("/contacts/new"));

        List<String> endpoints = endpoints();
        assertThat(endpoints).as("the application's endpoints were discovered").hasSizeGreaterThan(80);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            Access access = access(method, pattern);
            String path = concrete(pattern);
            for (Caller caller : Caller.values()) {
                List<String> headers = new ArrayList<>(List.of("Accept", "text/html,application/json"));
                if (caller.isKey()) {
                    headers.addAll(List.of("X-API-Key", keys.get(caller)));
                }
                if (csrf.containsKey(caller)) {
                    headers.addAll(List.of("X-CSRF-TOKEN", csrf.get(caller)));
                }
                HttpResponse<String> response = callers.get(caller).empty(method, path, headers.toArray(String[]::new));

                boolean expected = allowed(access, caller, pattern);
                boolean let = letThrough(response);
                // Opened directly, /error shows the server-error page (see ErrorPagesIT).
                boolean serverError = response.statusCode() >= 500 && !pattern.equals("/error");
                if (expected != let || serverError) {
                    wrong.add(caller + " " + method + " " + path + " (" + access + "): " + response.statusCode()
                            + (expected ? " but should be let through" : " but should be turned away"));
                }
            }
        }
        assertThat(wrong).as("endpoints × callers that do not behave as the rules say").isEmpty();
    }

    private HttpFixture signedIn(String username) {
        HttpFixture http = new HttpFixture(this.port);
        assertThat(http.signIn(username, PlatformIT.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        return http;
    }

    /** "METHOD /pattern" of every handler mapping (a mapping without methods as GET). */
    private List<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : this.context.getBeansOfType(RequestMappingHandlerMapping.class)
            .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("GET " + pattern);
                    }
                    methods.forEach((method) -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private static Access access(String method, String pattern) {
        return RULES.stream()
            .filter((rule) -> rule.matches(method, pattern))
            .map(Rule::access)
            .findFirst()
            .orElseThrow(() -> new AssertionError("No rule says who may call " + method + " " + pattern));
    }

    /** The pattern with every variable filled by a value that names nothing. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]*\\}", "987654321").replace("/**", "/anything");
    }

    private static boolean allowed(Access access, Caller caller, String pattern) {
        boolean api = pattern.startsWith("/api/");
        return switch (access) {
            case PUBLIC -> true;
            case SIGNED_BY_PROVIDER -> false;
            case SIGNED_IN ->
                caller != Caller.ANONYMOUS && (!caller.isKey() || api && caller != Caller.CONVERSIONS_KEY);
            case CONVERSIONS -> caller == Caller.MARKETER || caller == Caller.ADMIN || caller == Caller.API_KEY
                    || caller == Caller.CONVERSIONS_KEY;
            case MARKETER -> caller == Caller.MARKETER || caller == Caller.ADMIN || (caller == Caller.API_KEY && api);
            case MANAGER -> caller == Caller.MANAGER || caller == Caller.ADMIN;
            case ADMIN -> caller == Caller.ADMIN;
            case MANAGER_READ -> caller == Caller.MANAGER || caller == Caller.ADMIN || caller == Caller.MANAGER_KEY;
        };
    }

    private static boolean letThrough(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return false;
        }
        return !(status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

}
