package org.smscampaign.web.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click classification over REST with an admin's key: the try-out and reclassification.
 */
@PlatformIT
class ClickClassificationApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    HttpFixture http;

    String key;

    @BeforeEach
    void admin() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("ops-" + System.nanoTime(), Role.ADMIN, "test").token();
    }

    @Test
    void theTryOutSaysWhichSourceDecided() {
        JsonNode whatsapp = get("/api/v1/click-classification?userAgent=" + HttpFixture.encode("WhatsApp/2.23.20.0 A"));
        assertThat(whatsapp.get("verdict").get("reason").asString()).isEqualTo("PREVIEW");
        assertThat(whatsapp.get("verdict").get("source").asString()).isEqualTo("SMS_RULE");
        assertThat(whatsapp.get("opinions")).hasSize(4);

        JsonNode googlebot = get("/api/v1/click-classification?userAgent="
                + HttpFixture.encode("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        assertThat(googlebot.get("verdict").get("source").asString()).isEqualTo("YAUAA");
        assertThat(googlebot.get("verdict").get("detail").asString()).contains("Robot");

        JsonNode phone = get("/api/v1/click-classification?userAgent=" + HttpFixture
            .encode("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1"));
        assertThat(phone.get("verdict").get("reason").isNull()).isTrue();
        assertThat(phone.get("verdict").get("source").asString()).isEqualTo("NONE");

        JsonNode sources = get("/api/v1/click-classification/sources");
        assertThat(sources.findValuesAsString("source")).containsExactly("ADMIN", "SMS_RULE", "YAUAA", "ISBOT");
        assertThat(sources.get(2).get("version").asString()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void anAdminReclassifiesTheHitsOfSomeDaysAndFollowsItsProgress() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpResponse<String> started = this.http.postJson("/api/v1/click-classification/reclassifications",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today.minusDays(2), today), "X-API-Key", this.key);

        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/click-classification/reclassifications/\\d+");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode job = get(location);
        while (job.get("status").asString().matches("QUEUED|RUNNING") && Instant.now().isBefore(deadline)) {
            job = get(location);
        }
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("fromDay").asString()).isEqualTo(today.minusDays(2).toString());
        assertThat(job.get("requestedBy").asString()).startsWith("api-key:ops-");

        HttpResponse<String> backwards = this.http.postJson("/api/v1/click-classification/reclassifications",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today, today.minusDays(1)), "X-API-Key", this.key);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(backwards.body()).get("type").asString()).isEqualTo("/problems/validation-failed");
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = this.http.get(path, "X-API-Key", this.key);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
