package org.smscampaign.web.scaleout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smscampaign.SmsCampaignApplication;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, as behind a load balancer without sticky sessions: a
 * browser signed in on one is signed in on the other, signing out on either ends it, and
 * a link changed through one is followed by the other's redirector at once.
 */
@PlatformIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private ConfigurableApplicationContext second;

    private int secondPort;

    /** Arguments, not default properties: those would lose to application.yml. */
    @BeforeAll
    void startSecondInstance() {
        this.second = new SpringApplicationBuilder(SmsCampaignApplication.class).profiles("it", "demo")
            .run("--server.port=0", "--management.server.port=0", "--sms.link.server.port=0",
                    "--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
                    "--spring.datasource.username="
                            + this.environment.getRequiredProperty("spring.datasource.username"),
                    "--spring.datasource.password="
                            + this.environment.getRequiredProperty("spring.datasource.password"));
        this.secondPort = Integer.parseInt(this.second.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondInstance() {
        if (this.second != null) {
            this.second.close();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByAnotherAndEndsOnBoth() {
        HttpFixture first = new HttpFixture(this.port);
        first.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        String cookie = "SESSION=" + first.cookie("SESSION");
        HttpFixture other = new HttpFixture(this.secondPort);

        HttpResponse<String> page = other.get("/campaigns", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(PlatformIT.ADMIN);

        HttpResponse<String> signOut = other.post("/logout", "_csrf=" + csrfToken(page.body()), "Cookie", cookie);
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(first.get("/campaigns").statusCode()).as("signed out everywhere").isEqualTo(302);
        assertThat(other.get("/campaigns", "Cookie", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void failedSignInsOnOneInstanceLockTheAccountOnTheOther() {
        String user = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Shared-lock-passphrase-3";
        this.accounts.create(user, Role.MARKETER, password);
        HttpFixture first = new HttpFixture(this.port);
        for (int i = 0; i < 10; i++) {
            first.signIn(user, "guess-" + i, "X-Forwarded-For", "2001:db8:7770::1");
        }

        HttpResponse<String> signIn = new HttpFixture(this.secondPort).signIn(user, password, "X-Forwarded-For",
                "2001:db8:7771::1");

        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");
        this.jdbc.update("delete from sign_in_throttle where subject = ? or subject like '2001:db8:777%'", user);
    }

    @Test
    void aLinkChangedThroughOneInstanceIsFollowedByTheOthersRedirectorAtOnce() throws InterruptedException {
        String key = this.apiKeys.create("two-instances", Role.MARKETER, "test").token();
        HttpFixture first = new HttpFixture(this.port);
        HttpFixture other = new HttpFixture(this.secondPort);
        String created = first
            .postJson("/api/v1/links", "{\"targetUrl\":\"https://shop.example/winter-sael\"}", "X-API-Key", key)
            .body();
        String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");
        String code = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        assertThat(other.get("/r/" + code).headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).startsWith("https://shop.example/winter-sael?"));

        HttpResponse<String> changed = first.patchJson("/api/v1/links/" + id,
                "{\"targetUrl\":\"https://shop.example/winter-sale\"}", "X-API-Key", key);
        assertThat(changed.statusCode()).isEqualTo(200);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String location;
        do {
            location = other.get("/r/" + code).headers().firstValue("Location").orElse("");
            Thread.sleep(20);
        }
        while (!location.startsWith("https://shop.example/winter-sale?") && Instant.now().isBefore(deadline));
        assertThat(location).as("the other instance's cached link, 2 s after the change")
            .startsWith("https://shop.example/winter-sale?");
    }

    private static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a form with a CSRF token").isTrue();
        return HttpFixture.encode(token.group(1));
    }

}
