package org.smscampaign.web.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing through the login form (issue 16, finding 5: 40 wrong passwords in 3
 * s, then the right one signed in). Client addresses come from {@code X-Forwarded-For},
 * which the platform trusts from the local proxy; each test uses addresses of its own
 * (IPv6 documentation networks), so nothing here slows down other tests' sign-ins.
 */
@PlatformIT
class SignInThrottleIT {

    private static final String PASSWORD = "Throttle-test-secret-9241";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    String run;

    String user;

    @BeforeEach
    void newUserAndNetwork() {
        // Four hex digits without a leading zero, as the address appears in the table.
        this.run = Integer.toHexString(0x1000 + (int) (Math.random() * 0xe000));
        this.user = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(this.user, Role.MARKETER, PASSWORD);
    }

    @AfterEach
    void forgetFailures() {
        this.jdbc.update("delete from sign_in_throttle where subject like ? or subject = ? or subject like 'nobody-"
                + this.run + "%'", "2001:db8:" + this.run + ":%", this.user);
    }

    @Test
    void fortyWrongPasswordsThenTheRightOneDoesNotSignIn() {
        HttpFixture attacker = new HttpFixture(this.port);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(location(attacker.signIn(this.user, "guess-" + i, from(1))));
        }

        assertThat(answers.subList(0, 5)).as("five free failures").containsOnly("/login?error");
        assertThat(answers.stream().filter("/login?error"::equals).count()).as("passwords checked at all")
            .isLessThanOrEqualTo(10);
        assertThat(answers.subList(10, 40)).as("locked").containsOnly("/login?throttled");
        assertThat(location(attacker.signIn(this.user, PASSWORD, from(1)))).isEqualTo("/login?throttled");
        assertThat(attacker.get("/campaigns").statusCode()).as("not signed in").isEqualTo(302);
        HttpFixture owner = new HttpFixture(this.port);
        assertThat(location(owner.signIn(this.user, PASSWORD, from(2)))).as("locked from any address")
            .isEqualTo("/login?throttled");
    }

    @Test
    void aNameThatIsNoUserIsAnsweredTheSameWay() {
        List<String> existing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        HttpFixture http = new HttpFixture(this.port);
        for (int i = 0; i < 12; i++) {
            existing.add(location(http.signIn(this.user, "guess-" + i, from(3))));
            unknown.add(location(http.signIn("nobody-" + this.run, "guess-" + i, from(4))));
        }

        // The same answers at the same points (the delayed middle depends on timing).
        assertThat(unknown.subList(0, 5)).isEqualTo(existing.subList(0, 5)).containsOnly("/login?error");
        assertThat(unknown.subList(10, 12)).isEqualTo(existing.subList(10, 12)).containsOnly("/login?throttled");
    }

    @Test
    void anAdminSeesTheLockAndLiftsIt() {
        HttpFixture attacker = new HttpFixture(this.port);
        for (int i = 0; i < 12; i++) {
            attacker.signIn(this.user, "guess-" + i, from(5));
        }
        HttpFixture admin = new HttpFixture(this.port);
        admin.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("data-subject=\"" + this.user + "\"", "Locked until");

        String token = admin.csrfToken("/admin/users");
        HttpResponse<String> unlock = admin.post("/admin/users/sign-in-failures/unlock",
                "kind=ACCOUNT&subject=" + this.user + "&_csrf=" + token);
        assertThat(unlock.statusCode()).isEqualTo(302);

        HttpFixture owner = new HttpFixture(this.port);
        assertThat(location(owner.signIn(this.user, PASSWORD, from(6)))).isEqualTo("/");
        assertThat(owner.get("/campaigns").statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDown() {
        HttpFixture sprayer = new HttpFixture(this.port);
        for (int i = 0; i < 25; i++) {
            sprayer.signIn("nobody-" + this.run + "-" + i, "Summer2026!", from(7));
        }

        assertThat(location(sprayer.signIn(this.user, PASSWORD, from(7)))).isEqualTo("/login?throttled");
        assertThat(location(new HttpFixture(this.port).signIn(this.user, PASSWORD, from(8))))
            .as("the account itself is not locked")
            .isEqualTo("/");
    }

    @Test
    void signingInForgivesEarlierFailures() {
        HttpFixture http = new HttpFixture(this.port);
        for (int i = 0; i < 4; i++) {
            http.signIn(this.user, "typo-" + i, from(9));
        }
        assertThat(location(http.signIn(this.user, PASSWORD, from(9)))).isEqualTo("/");

        HttpFixture later = new HttpFixture(this.port);
        for (int i = 0; i < 4; i++) {
            assertThat(location(later.signIn(this.user, "typo-" + i, from(9)))).isEqualTo("/login?error");
        }
        assertThat(location(later.signIn(this.user, PASSWORD, from(9)))).isEqualTo("/");
    }

    /** A client address of this test run, as the trusted proxy reports it. */
    private String[] from(int network) {
        return new String[] { "X-Forwarded-For", "2001:db8:" + this.run + ":" + network + "::1" };
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^https?://[^/]+", "");
    }

}
