package org.smscampaign.web.user;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.startup.StartupNoticesFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FirstAdminBootstrapTest {

    private final UserAccounts accounts = mock(UserAccounts.class);

    private final StartupNoticesFixture notices = new StartupNoticesFixture();

    @Test
    void withoutConfiguredPasswordGeneratesOneAndPrintsItOnce() {
        when(this.accounts.find("admin")).thenReturn(Optional.empty());

        new FirstAdminBootstrap(this.accounts, new AdminAccountProperties("admin", ""), this.notices.notices())
            .run(null);

        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        verify(this.accounts).create(eq("admin"), eq(Role.ADMIN), password.capture());
        assertThat(password.getValue()).hasSize(20).matches("[0-9A-Za-z]+");
        assertThat(this.notices.print()).contains("admin / " + password.getValue());
        assertThat(this.notices.print()).as("a second start prints nothing of it").doesNotContain(password.getValue());
    }

    @Test
    void withConfiguredPasswordUsesItAndNeverPrintsIt() {
        when(this.accounts.find("ops")).thenReturn(Optional.empty());

        new FirstAdminBootstrap(this.accounts, new AdminAccountProperties("ops", "configured-secret-42"),
                this.notices.notices())
            .run(null);

        verify(this.accounts).create("ops", Role.ADMIN, "configured-secret-42");
        assertThat(this.notices.print()).contains("'ops'").doesNotContain("configured-secret-42");
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStart() {
        when(this.accounts.find("admin")).thenReturn(Optional.empty());
        when(this.accounts.create("admin", Role.ADMIN, "Password123!"))
            .thenThrow(new AccountRuleViolation("This password is too easy to guess."));
        FirstAdminBootstrap bootstrap = new FirstAdminBootstrap(this.accounts,
                new AdminAccountProperties("admin", "Password123!"), this.notices.notices());

        assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(null))
            .withMessageContaining("SMS_ADMIN_PASSWORD")
            .withMessageContaining("too easy to guess");
    }

    @Test
    void doesNothingWhenAnAdminExists() {
        when(this.accounts.hasActiveAdmin()).thenReturn(true);

        new FirstAdminBootstrap(this.accounts, new AdminAccountProperties("admin", ""), this.notices.notices())
            .run(null);

        verify(this.accounts, never()).create(anyString(), any(), anyString());
        assertThat(this.notices.print()).doesNotContain("First admin");
    }

}
