package org.smscampaign.web.scaleout;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smscampaign.SmsCampaignApplication;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, as behind a load balancer without sticky sessions: a
 * browser signed in on one is signed in on the other, and signing out on either ends it.
 */
@PlatformIT
class SharedSessionIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void aSessionStartedOnOneInstanceIsServedByAnotherAndEndsOnBoth() {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
            HttpFixture first = new HttpFixture(this.port);
            first.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
            String cookie = "SESSION=" + first.cookie("SESSION");
            HttpFixture other = new HttpFixture(secondPort);

            HttpResponse<String> page = other.get("/campaigns", "Cookie", cookie);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(PlatformIT.ADMIN);

            HttpResponse<String> signOut = other.post("/logout", "_csrf=" + csrfToken(page.body()), "Cookie", cookie);
            assertThat(signOut.statusCode()).isEqualTo(302);
            assertThat(first.get("/campaigns").statusCode()).as("signed out everywhere").isEqualTo(302);
            assertThat(other.get("/campaigns", "Cookie", cookie).statusCode()).isEqualTo(302);
        }
    }

    /** Arguments, not default properties: those would lose to application.yml. */
    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(SmsCampaignApplication.class).profiles("it", "demo")
            .run("--server.port=0", "--management.server.port=0", "--sms.link.server.port=0",
                    "--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
                    "--spring.datasource.username="
                            + this.environment.getRequiredProperty("spring.datasource.username"),
                    "--spring.datasource.password="
                            + this.environment.getRequiredProperty("spring.datasource.password"));
    }

    private static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a form with a CSRF token").isTrue();
        return HttpFixture.encode(token.group(1));
    }

}
