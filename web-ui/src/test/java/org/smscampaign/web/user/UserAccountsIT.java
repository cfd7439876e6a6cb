package org.smscampaign.web.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PlatformIT
class UserAccountsIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void theFirstAdminComesFromConfiguration() {
        UserDetails admin = this.accounts.loadUserByUsername(PlatformIT.ADMIN);

        assertThat(admin.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
        assertThat(this.passwordEncoder.matches(PlatformIT.ADMIN_PASSWORD, admin.getPassword())).isTrue();
        assertThat(admin.getPassword()).as("stored hashed").startsWith("{bcrypt}");
    }

    @Test
    void usernamesAreCaseInsensitiveAndUnique() {
        String name = unique("Mixed");
        this.accounts.create(name, Role.MARKETER, "a-long-enough-password");

        assertThat(this.accounts.loadUserByUsername(name.toUpperCase()).getUsername()).isEqualTo(name.toLowerCase());
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.accounts.create(name.toLowerCase(), Role.MANAGER, "a-long-enough-password"))
            .withMessageContaining("taken");
    }

    @Test
    void refusesBadUsernamesAndWeakPasswords() {
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.accounts.create("<script>", Role.MARKETER, "a-long-enough-password"));
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.accounts.create(unique("weak"), Role.MARKETER, "short"))
            .withMessageContaining("12");
    }

    @Test
    void breachedPasswordsAndTheUsernameAreRefusedOnCreationResetAndBootstrap() {
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.accounts.create(unique("breached"), Role.MARKETER, "Password123!"))
            .withMessageContaining("commonly used");
        String name = unique("self");
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.accounts.create(name, Role.MARKETER, name + "-is-my-password"))
            .withMessageContaining("username");

        UserView user = this.accounts.create(name, Role.MARKETER, "a-long-enough-password");
        assertThatExceptionOfType(AccountRuleViolation.class)
            .isThrownBy(() -> this.accounts.resetPassword(user.id(), "qwertyuiop123"));
        assertThatExceptionOfType(AccountRuleViolation.class).as("the demo users' and first admin's path")
            .isThrownBy(() -> this.accounts.createOrReset(name, Role.MARKETER, "iloveyou12345"));
    }

    @Test
    void aDisabledUserCannotSignIn() {
        UserView user = this.accounts.create(unique("leaver"), Role.MARKETER, "a-long-enough-password");

        this.accounts.setEnabled(user.id(), false, PlatformIT.ADMIN);

        assertThat(this.accounts.loadUserByUsername(user.username()).isEnabled()).isFalse();
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorDisabled() {
        UserView second = this.accounts.create(unique("admin"), Role.ADMIN, "a-long-enough-password");
        this.accounts.list()
            .stream()
            .filter((user) -> user.role() == Role.ADMIN && user.enabled() && user.id() != second.id())
            .forEach((user) -> this.accounts.setEnabled(user.id(), false, second.username()));
        try {
            assertThatExceptionOfType(AccountRuleViolation.class)
                .isThrownBy(() -> this.accounts.changeRole(second.id(), Role.MARKETER))
                .withMessageContaining("at least one enabled admin");
            assertThatExceptionOfType(AccountRuleViolation.class)
                .isThrownBy(() -> this.accounts.setEnabled(second.id(), false, "someone-else"));
            assertThatExceptionOfType(AccountRuleViolation.class)
                .isThrownBy(() -> this.accounts.setEnabled(second.id(), false, second.username()))
                .withMessageContaining("your own");
        }
        finally {
            this.accounts.list()
                .stream()
                .filter((user) -> user.role() == Role.ADMIN)
                .forEach((user) -> this.accounts.setEnabled(user.id(), true, second.username()));
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
