package org.smscampaign.web.security;

import java.time.Instant;
import java.util.Set;

/** An API key as listed to admins: never its secret. */
public record ApiKeyView(long id, String name, String prefix, Role role, Set<ApiScope> scopes, String createdBy,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return this.revokedAt == null;
    }

    /** How the key starts, so its holder can recognise it. */
    public String hint() {
        return "sms_" + this.prefix + "_…";
    }

}
