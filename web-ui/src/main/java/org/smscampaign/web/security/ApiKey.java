package org.smscampaign.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A machine credential for the REST API, acting with one role and only its scopes until
 * revoked.
 */
@Entity
@Table(name = "api_key")
class ApiKey {

    /** Last-use times are kept to the minute, so an API call rarely writes. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "key_prefix")
    private String prefix;

    private String secretHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    /** Space-separated scope values, e.g. {@code api:read conversions:write}. */
    private String scopes;

    private String createdBy;

    private Instant createdAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String name, ApiKeyToken token, Role role, Set<ApiScope> scopes, String createdBy, Instant now) {
        if (scopes.isEmpty() || !ApiScope.allowedFor(role).containsAll(scopes)) {
            throw new IllegalArgumentException("A " + role.label() + " key may have the scopes "
                    + ApiScope.allowedFor(role).stream().map(ApiScope::value).toList() + ", at least one.");
        }
        this.name = name;
        this.prefix = token.prefix();
        this.secretHash = token.hash();
        this.role = role;
        this.scopes = scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(" "));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    boolean accepts(ApiKeyToken token) {
        return this.revokedAt == null && token.matches(this.secretHash);
    }

    /** Records a use; true when the stored time changed and needs saving. */
    boolean recordUse(Instant now) {
        if (this.lastUsedAt != null && this.lastUsedAt.plus(LAST_USED_PRECISION).isAfter(now)) {
            return false;
        }
        this.lastUsedAt = now;
        return true;
    }

    void revoke(Instant now) {
        if (this.revokedAt == null) {
            this.revokedAt = now;
        }
    }

    ApiKeyView view() {
        return new ApiKeyView(this.id, this.name, this.prefix, this.role, scopes(), this.createdBy, this.createdAt,
                this.lastUsedAt, this.revokedAt);
    }

    String name() {
        return this.name;
    }

    Role role() {
        return this.role;
    }

    Set<ApiScope> scopes() {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(this.scopes.split(" "))
            .filter((value) -> !value.isEmpty())
            .map(ApiScope::of)
            .forEach(parsed::add);
        return parsed;
    }

}
