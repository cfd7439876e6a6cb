package org.smscampaign.web.error;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches /error: a page in the layout for browsers, a problem document for the
 * rest.
 */
@PlatformIT
class ErrorPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void aServerErrorIsAPageInTheLayoutForBrowsers() {
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        HttpResponse<String> page = http.get("/error", "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong", "Sign out", "Campaigns");
    }

    @Test
    void aServerErrorIsAProblemForMachines() {
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        HttpResponse<String> problem = http.get("/error", "Accept", "application/json");

        assertThat(problem.statusCode()).isEqualTo(500);
        assertThat(problem.body()).contains("\"type\":\"/problems/internal-error\"");
    }

    @Test
    void aWrongMethodOnTheApiIsAProblemOfItsOwnType() {
        String key = this.apiKeys.create("wrong-method", Role.MARKETER, "test").token();

        HttpResponse<String> problem = new HttpFixture(this.port).delete("/api/v1/me", "X-API-Key", key);

        assertThat(problem.statusCode()).isEqualTo(405);
        assertThat(problem.body()).contains("\"type\":\"/problems/method-not-allowed\"");
    }

    @Test
    void problemTypesAreDocumentedPublicly() {
        HttpResponse<String> types = new HttpFixture(this.port).get("/problems/not-found");

        assertThat(types.statusCode()).isEqualTo(200);
        assertThat(types.body()).contains("/problems/not-found", "No such resource.");
        assertThat(new HttpFixture(this.port).get("/problems/nonsense", "Accept", "text/html").statusCode())
            .isEqualTo(404);
    }

}
