package org.smscampaign.web.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps each user's last sign-in and logs failed ones (username only, never the
 * password).
 */
@Component
class LoginRecorder {

    private static final Logger log = LoggerFactory.getLogger(LoginRecorder.class);

    private final UserAccounts accounts;

    LoginRecorder(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getPrincipal() instanceof org.springframework.security.core.userdetails.UserDetails user) {
            this.accounts.recordLogin(user.getUsername());
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        log.warn("Failed sign-in for user '{}': {}", event.getAuthentication().getName(),
                event.getException().getClass().getSimpleName());
    }

}
