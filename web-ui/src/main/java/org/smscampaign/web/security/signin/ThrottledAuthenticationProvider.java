package org.smscampaign.web.security.signin;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in with throttling: each attempt is counted first; a delayed or locked
 * account or address is refused without its password being looked at, the same way for
 * names that exist and names that do not.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider passwords;

    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
                ? details.getRemoteAddress() : null;
        Optional<Instant> refusedUntil = this.throttle.admit(username, address);
        if (refusedUntil.isPresent()) {
            log.warn("Sign-in for user '{}' from {} refused until {}: too many failures", username, address,
                    refusedUntil.get());
            throw new SignInThrottledException(refusedUntil.get());
        }
        Authentication result = this.passwords.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            this.throttle.succeeded(username, address);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * Too many failed sign-ins of this account or from this address, for now. An account
     * status exception, so that no other provider checks the password instead.
     */
    static final class SignInThrottledException extends LockedException {

        SignInThrottledException(Instant until) {
            super("Sign-in refused until " + until);
        }

    }

}
