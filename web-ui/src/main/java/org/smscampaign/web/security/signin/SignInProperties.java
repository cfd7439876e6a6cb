package org.smscampaign.web.security.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling. Every attempt that does not sign in counts against the account name
 * and the client address; from {@code freeFailures} on, the next attempt must wait
 * {@code baseDelay} doubled per failure (at most {@code maxDelay}); at {@code lockAfter}
 * the account is locked for {@code lockDuration}. Counts start over after
 * {@code forgetAfter} without an attempt.
 *
 * @param freeFailures failures on an account before delays start
 * @param lockAfter failures that lock an account
 * @param addressFreeFailures failures from one client address before delays start (an
 * office behind one address shares them)
 * @param addressLockAfter failures that lock a client address
 * @param baseDelay the first delay
 * @param maxDelay the longest delay
 * @param lockDuration how long a lock lasts (an admin may lift it earlier)
 * @param forgetAfter quiet time after which the counts start over
 */
@ConfigurationProperties("sms.web.security.sign-in")
public record SignInProperties(@DefaultValue("5") int freeFailures, @DefaultValue("10") int lockAfter,
        @DefaultValue("20") int addressFreeFailures, @DefaultValue("100") int addressLockAfter,
        @DefaultValue("1s") Duration baseDelay, @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("15m") Duration lockDuration, @DefaultValue("1h") Duration forgetAfter) {

    int freeFailures(SignInSubject.Kind kind) {
        return (kind == SignInSubject.Kind.ACCOUNT) ? this.freeFailures : this.addressFreeFailures;
    }

    int lockAfter(SignInSubject.Kind kind) {
        return (kind == SignInSubject.Kind.ACCOUNT) ? this.lockAfter : this.addressLockAfter;
    }

    /** The wait after the given number of failures, or zero. */
    Duration delayAfter(SignInSubject.Kind kind, int failures) {
        int over = failures - freeFailures(kind);
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = this.baseDelay.multipliedBy(1L << Math.min(over, 30));
        return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
    }

}
