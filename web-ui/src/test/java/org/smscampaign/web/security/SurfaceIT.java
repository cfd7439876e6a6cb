package org.smscampaign.web.security;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, finding 7: what the application accepts and what it says back. */
@PlatformIT
class SurfaceIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    HttpFixture http;

    String key;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("surface", Role.MARKETER, "test").token();
    }

    @Test
    void apiBodiesOverAMegabyteAreRefusedBeforeTheyAreRead() {
        String big = "{\"firstName\":\"" + "x".repeat(1_100_000) + "\"}";

        HttpResponse<String> response = this.http.postJson("/api/v1/contacts", big, "X-API-Key", this.key);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"/problems/payload-too-large\"");
    }

    @Test
    void theApiReadsJsonOnly() {
        String xml = "<link><targetUrl>https://shop.example/</targetUrl></link>";
        for (String path : new String[] { "/api/v1/links", "/api/v1/campaigns/987654321/pause" }) {
            HttpResponse<String> response = this.http.post(path, xml, "X-API-Key", this.key, "Content-Type",
                    "application/xml");
            assertThat(response.statusCode()).as(path).isEqualTo(415);
            assertThat(response.body()).as(path).contains("\"type\":\"/problems/unsupported-media-type\"");
        }
        assertThat(this.http.post("/api/v1/links", xml, "Content-Type", "application/xml").statusCode())
            .as("anonymous callers are turned away before their body's type matters")
            .isIn(401, 403);
    }

    @Test
    void aLongUtmCampaignIsAValidationProblem() {
        HttpResponse<String> response = this.http.postJson("/api/v1/links",
                "{\"targetUrl\":\"https://shop.example/spring\",\"utmCampaign\":\"" + "u".repeat(5000) + "\"}",
                "X-API-Key", this.key);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("/problems/validation-failed", "utmCampaign has at most 200 characters");
    }

    @Test
    void aForgedHostNeverReachesARedirect() {
        for (String request : new String[] { "GET /campaigns HTTP/1.1", "GET /dashboards?x=1 HTTP/1.1",
                "GET /logout HTTP/1.1" }) {
            RawHttp connection = RawHttp.open(this.port, Duration.ofSeconds(10));
            try {
                connection.send(request + "\r\nHost: evil.example\r\nX-Forwarded-Host: evil-forwarded.example\r\n"
                        + "Connection: close\r\n\r\n");
                RawHttp.Answer answer = connection.readUntilClosed();

                assertThat(answer.status()).as(request).isEqualTo(302);
                assertThat(answer.header("Location")).as(request).startsWith("/").doesNotContain("evil");
            }
            finally {
                connection.close();
            }
        }
    }

}
