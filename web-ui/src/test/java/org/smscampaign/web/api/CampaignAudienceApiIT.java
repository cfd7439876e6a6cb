package org.smscampaign.web.api;

import java.net.http.HttpResponse;

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
 * The REST API's audience rule: a draft without an audience is saved but its launch is
 * refused (422, no-audience); everyone subscribed is asked for with audience.everyone.
 */
@PlatformIT
class CampaignAudienceApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    HttpFixture http;

    String key;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("audience-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    private JsonNode create(String audience) {
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", """
                {"name":"API audience %d","sender":"default",%s
                 "variants":[{"label":"A","body":"Hi {{first_name|there}}, boots are 30%% off today.","split":100}],
                 "schedule":{"type":"AT","at":"2030-01-15T09:30:00Z"},
                 "optOutLine":true,"holdoutPercent":0,"attributionDays":7,"evaluationDays":7}"""
            .formatted(System.nanoTime(), audience), "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    @Test
    void aDraftWithoutAudienceIsSavedButItsLaunchIsRefusedWith422() {
        long id = create("").get("id").asLong();

        JsonNode preflight = JSON
            .readTree(this.http.get("/api/v1/campaigns/" + id + "/preflight", "X-API-Key", this.key).body());
        assertThat(preflight.get("recipients").asInt()).isZero();
        assertThat(preflight.get("warnings").get(0).get("code").asString()).isEqualTo("NO_AUDIENCE");

        HttpResponse<String> launch = this.http.postJson("/api/v1/campaigns/" + id + "/launch", "", "X-API-Key",
                this.key);
        assertThat(launch.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(launch.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/no-audience");
        assertThat(problem.get("detail").asString()).contains("no audience");
        assertThat(JSON.readTree(this.http.get("/api/v1/campaigns/" + id, "X-API-Key", this.key).body())
            .get("status")
            .asString()).isEqualTo("DRAFT");
    }

    @Test
    void anAudienceWithoutTheEveryoneMemberReadsAsBefore() {
        JsonNode campaign = create("\"audience\":{\"lists\":[987654]},");
        assertThat(campaign.get("draft").get("audience").get("everyone").asBoolean()).isFalse();
    }

    @Test
    void everyoneSubscribedIsAnExplicitChoice() {
        JsonNode campaign = create("\"audience\":{\"everyone\":true},");
        assertThat(campaign.get("draft").get("audience").get("everyone").asBoolean()).isTrue();

        JsonNode preflight = JSON.readTree(
                this.http.get("/api/v1/campaigns/" + campaign.get("id").asLong() + "/preflight", "X-API-Key", this.key)
                    .body());
        assertThat(preflight.get("recipients").asInt()).as("every subscribed demo contact").isGreaterThan(100);
    }

}
