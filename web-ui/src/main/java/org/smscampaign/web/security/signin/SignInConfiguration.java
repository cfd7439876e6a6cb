package org.smscampaign.web.security.signin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

import java.util.Map;

/**
 * The one authentication provider of form sign-in (users from the database, throttled),
 * and where a refused sign-in goes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
public class SignInConfiguration {

    @Bean
    AuthenticationProvider throttledAuthenticationProvider(UserDetailsService users,
            UserDetailsPasswordService rehashing, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setUserDetailsPasswordService(rehashing);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /**
     * {@code /login?error} for a wrong password, an unknown or disabled user alike;
     * {@code /login?throttled} while delayed or locked. Never creates a session.
     */
    public static AuthenticationFailureHandler failureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(
                Map.of(ThrottledAuthenticationProvider.SignInThrottledException.class.getName(), "/login?throttled"));
        handler.setAllowSessionCreation(false);
        return handler;
    }

}
