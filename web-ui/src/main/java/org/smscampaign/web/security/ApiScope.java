package org.smscampaign.web.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an API key may do, within its role: a key has only the scopes chosen when it was
 * created. A session (a person in the browser) is bounded by its role alone.
 */
public enum ApiScope {

    /** GET on the REST API. */
    API_READ("api:read", "Read through the REST API"),

    /** Every other method on the REST API, as far as the key's role allows. */
    API_WRITE("api:write", "Change data through the REST API"),

    /** The conversion postback {@code POST /api/v1/conversions}, and nothing else. */
    CONVERSIONS_WRITE("conversions:write", "Report conversions (shop server postback)");

    /** The authority a key holds for each of its scopes. */
    static final String AUTHORITY_PREFIX = "SCOPE_";

    private final String value;

    private final String description;

    ApiScope(String value, String description) {
        this.value = value;
        this.description = description;
    }

    public String value() {
        return this.value;
    }

    public String description() {
        return this.description;
    }

    String authority() {
        return AUTHORITY_PREFIX + this.value;
    }

    /** The scopes a key of this role may have: a manager's key only reads. */
    public static Set<ApiScope> allowedFor(Role role) {
        return (role == Role.MANAGER) ? EnumSet.of(API_READ) : EnumSet.allOf(ApiScope.class);
    }

    static ApiScope of(String value) {
        return Arrays.stream(values())
            .filter((scope) -> scope.value.equals(value))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No API scope " + value));
    }

}
