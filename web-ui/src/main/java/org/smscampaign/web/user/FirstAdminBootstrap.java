package org.smscampaign.web.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.web.security.RandomTokens;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.startup.StartupNotices;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when the platform has none: {@code SMS_ADMIN_USERNAME} (default
 * {@code admin}) with {@code SMS_ADMIN_PASSWORD}, or with a random password printed this
 * once.
 */
@Component
@Order(0)
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserAccounts accounts;

    private final AdminAccountProperties properties;

    private final StartupNotices notices;

    FirstAdminBootstrap(UserAccounts accounts, AdminAccountProperties properties, StartupNotices notices) {
        this.accounts = accounts;
        this.properties = properties;
        this.notices = notices;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (this.accounts.hasActiveAdmin()) {
            return;
        }
        if (this.accounts.find(this.properties.username()).isPresent()) {
            log.warn("No enabled admin, and user '{}' exists without the admin role: left unchanged",
                    this.properties.username());
            return;
        }
        boolean configured = this.properties.password() != null && !this.properties.password().isBlank();
        String password = configured ? this.properties.password() : RandomTokens.base62(20);
        try {
            this.accounts.create(this.properties.username(), Role.ADMIN, password);
        }
        catch (DataIntegrityViolationException ex) {
            log.info("First admin was created concurrently by another instance");
            return;
        }
        catch (AccountRuleViolation ex) {
            // A weak SMS_ADMIN_PASSWORD stops the start rather than open an easy door.
            throw new IllegalStateException("SMS_ADMIN_PASSWORD is refused: " + ex.getMessage(), ex);
        }
        this.notices.add(configured
                ? "First admin '" + this.properties.username() + "' created with the password from SMS_ADMIN_PASSWORD."
                : "First admin created: " + this.properties.username() + " / " + password
                        + "   (generated, shown only this once: change it under Admin > Users)");
    }

}
