package org.smscampaign.web.security.signin;

import java.time.Instant;

/**
 * Recent sign-in failures of an account name or client address, as admins see them.
 *
 * @param subject the account name or address
 * @param failures attempts that did not sign in
 * @param lastAttemptAt the latest of them
 * @param lockedUntil until when sign-in is refused, or null when not locked
 */
public record SignInFailures(SignInSubject subject, int failures, Instant lastAttemptAt, Instant lockedUntil) {

    public boolean locked() {
        return this.lockedUntil != null;
    }

}
