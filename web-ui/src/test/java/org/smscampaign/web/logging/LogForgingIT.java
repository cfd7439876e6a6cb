package org.smscampaign.web.logging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A username typed into the login form cannot forge log lines or colour the operator's
 * terminal (issue 16, finding 7): the failed sign-in is logged on one line, its control
 * characters shown as escapes.
 */
@PlatformIT
@ExtendWith(OutputCaptureExtension.class)
class LogForgingIT {

    private static final String FORGED = "eve\r\nFAKE LOG LINE INFO admin signed in\n";

    private static final String COLOURED = "mallory\u001b[31mSPOOF\u001b[0m\u009b2J";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forgetFailures() {
        this.jdbc.update("delete from sign_in_throttle where subject like 'eve%' or subject like 'mallory%' "
                + "or subject like '2001:db8:f0f0:%'");
    }

    @Test
    void aUsernameWithLineBreaksAndEscapesStaysOnOneLogLine(CapturedOutput output) {
        HttpFixture http = new HttpFixture(this.port);
        http.signIn(FORGED, "wrong", "X-Forwarded-For", "2001:db8:f0f0::1");
        http.signIn(COLOURED, "wrong", "X-Forwarded-For", "2001:db8:f0f0::1");

        assertThat(output.getOut()).contains("eve\\r\\nFAKE LOG LINE INFO admin signed in'")
            .doesNotContain("\nFAKE LOG LINE")
            .contains("mallory\\u001b[31mSPOOF\\u001b[0m\\u009b2J")
            .doesNotContain("\u001b[31mSPOOF")
            .doesNotContain("\u009b");
    }

}
