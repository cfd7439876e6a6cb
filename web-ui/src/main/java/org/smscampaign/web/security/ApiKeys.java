package org.smscampaign.web.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Creates, lists, revokes and checks API keys. */
@Service
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final ApiKeyRepository repository;

    private final Clock clock;

    ApiKeys(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * A key with exactly the given scopes, which its role must allow (see
     * {@link ApiScope#allowedFor}).
     */
    @Transactional
    public CreatedApiKey create(String name, Role role, Set<ApiScope> scopes, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("An API key needs a name of 1 to 100 characters.");
        }
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKey key = this.repository
            .save(new ApiKey(name.strip(), token, role, scopes, createdBy, this.clock.instant()));
        log.info("API key '{}' ({}) created by {} with role {} and scopes {}", key.name(), token, createdBy, role,
                key.view().scopes());
        return new CreatedApiKey(key.view(), token.value());
    }

    /**
     * A key with every scope its role allows: for tests and tools that act as the role;
     * people choose scopes on the admin page.
     */
    @Transactional
    public CreatedApiKey create(String name, Role role, String createdBy) {
        return create(name, role, ApiScope.allowedFor(role), createdBy);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return this.repository.findAllByOrderByCreatedAtDesc().stream().map(ApiKey::view).toList();
    }

    @Transactional
    public void revoke(long id, String revokedBy) {
        ApiKey key = this.repository.findById(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such API key"));
        key.revoke(this.clock.instant());
        log.info("API key '{}' revoked by {}", key.name(), revokedBy);
    }

    /** The key's name and role when the token is valid and not revoked. */
    @Transactional
    Optional<ApiKey> authenticate(String presented) {
        Optional<ApiKeyToken> token = ApiKeyToken.parse(presented);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = this.repository.findByPrefix(token.get().prefix())
            .filter((candidate) -> candidate.accepts(token.get()));
        key.ifPresent((valid) -> valid.recordUse(this.clock.instant()));
        return key;
    }

}
