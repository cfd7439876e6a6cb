package org.smscampaign.web.user;

import java.time.Instant;

import org.smscampaign.web.security.Role;

/**
 * A user as shown on the admin page: never the password hash.
 *
 * @param email where alerts about the user's campaigns go, or null
 */
public record UserView(long id, String username, Role role, boolean enabled, Instant createdAt, Instant lastLoginAt,
        String email) {

}
