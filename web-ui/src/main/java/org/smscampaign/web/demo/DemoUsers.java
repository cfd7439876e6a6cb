package org.smscampaign.web.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.smscampaign.web.security.RandomTokens;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.startup.StartupNotices;
import org.smscampaign.web.user.AccountRuleViolation;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile: one user per role, their passwords set at every start and printed,
 * so a new user can sign in as marketer, manager or admin at once.
 */
@Component
@Profile("demo")
@Order(1)
class DemoUsers implements ApplicationRunner {

    static final Map<String, Role> USERS = users();

    private final UserAccounts accounts;

    private final DemoProperties properties;

    private final StartupNotices notices;

    DemoUsers(UserAccounts accounts, DemoProperties properties, StartupNotices notices) {
        this.accounts = accounts;
        this.properties = properties;
        this.notices = notices;
    }

    private static Map<String, Role> users() {
        Map<String, Role> users = new LinkedHashMap<>();
        users.put("demo-marketer", Role.MARKETER);
        users.put("demo-manager", Role.MANAGER);
        users.put("demo-admin", Role.ADMIN);
        return users;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = this.properties.password() != null && !this.properties.password().isBlank();
        this.notices.add("Demo logins (demo profile; passwords "
                + (configured ? "from SMS_DEMO_PASSWORD" : "new at every start") + "):");
        USERS.forEach((username, role) -> {
            String password = configured ? this.properties.password() : RandomTokens.base62(14);
            try {
                this.accounts.createOrReset(username, role, password);
            }
            catch (AccountRuleViolation ex) {
                throw new IllegalStateException("SMS_DEMO_PASSWORD is refused: " + ex.getMessage(), ex);
            }
            this.notices.add(String.format("  %-9s %-14s / %s", role.label(), username, password));
        });
    }

}
