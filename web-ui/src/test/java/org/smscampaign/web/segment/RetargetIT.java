package org.smscampaign.web.segment;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.link.Brands;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-targeting from a campaign's funnel over real HTTP: each audience makes a segment
 * whose rule selects exactly the people worked out by hand (EngagedCampaign), by REST and
 * by the dashboard's form; bad requests are refused with problems.
 */
@PlatformIT
class RetargetIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    HttpFixture http;

    String key;

    EngagedCampaign sale;

    @BeforeEach
    void campaign() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("retarget-" + System.nanoTime(), Role.MARKETER, "test").token();
        this.sale = new EngagedCampaign(this.jdbc, this.brands);
    }

    @Test
    void everyAudienceSelectsThePeopleOfItsStage() {
        Map<String, Integer> expected = Map.of("DELIVERED_NOT_CLICKED", 3, "CLICKED", 2, "CLICKED_NOT_CONVERTED", 1,
                "CONVERTED", 2, "RESPONDED", 2, "RESPONDED_NOT_CONVERTED", 1, "QUERIED", 1, "NOT_DELIVERED", 1);
        expected.forEach((audience, people) -> {
            HttpResponse<String> created = this.http.postJson("/api/v1/campaigns/" + this.sale.campaign + "/retarget",
                    "{\"audience\":\"" + audience + "\"}", "X-API-Key", this.key);
            assertThat(created.statusCode()).as(audience).isEqualTo(201);
            JsonNode segment = JSON.readTree(created.body());
            long id = segment.get("id").asLong();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/segments/" + id);
            JsonNode count = JSON
                .readTree(this.http.get("/api/v1/segments/" + id + "/count", "X-API-Key", this.key).body());
            assertThat(count.get("matching").asLong()).as(audience).isEqualTo(people.longValue());
        });
    }

    @Test
    void theSegmentIsNamedAfterTheStageAndTheCampaign() {
        HttpResponse<String> first = this.http.postJson("/api/v1/campaigns/" + this.sale.campaign + "/retarget",
                "{\"audience\":\"CLICKED_NOT_CONVERTED\"}", "X-API-Key", this.key);
        JsonNode segment = JSON.readTree(first.body());
        assertThat(segment.get("name").asString()).isEqualTo("Clicked but did not buy — " + this.sale.name);
        JsonNode rule = segment.get("rule").get("criteria");
        assertThat(rule.get(0).get("field").asString()).isEqualTo("CLICKED");
        assertThat(rule.get(0).get("operator").asString()).isEqualTo("DID");
        assertThat(rule.get(0).get("campaignId").asLong()).isEqualTo(this.sale.campaign);
        assertThat(rule.get(1).get("field").asString()).isEqualTo("CONVERTED");
        assertThat(rule.get(1).get("operator").asString()).isEqualTo("DID_NOT");
        // Again: a second segment, numbered; or named by the caller.
        JsonNode second = JSON.readTree(
                this.http
                    .postJson("/api/v1/campaigns/" + this.sale.campaign + "/retarget",
                            "{\"audience\":\"CLICKED_NOT_CONVERTED\"}", "X-API-Key", this.key)
                    .body());
        assertThat(second.get("name").asString()).isEqualTo("Clicked but did not buy — " + this.sale.name + " (2)");
        JsonNode named = JSON.readTree(this.http.postJson("/api/v1/campaigns/" + this.sale.campaign + "/retarget",
                "{\"audience\":\"clicked\",\"name\":\"Win back " + this.sale.firstName + "\"}", "X-API-Key", this.key)
            .body());
        assertThat(named.get("name").asString()).isEqualTo("Win back " + this.sale.firstName);
    }

    @Test
    void theDashboardFormMakesTheSegmentAndOpensIt() {
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        String csrf = this.http.csrfToken("/dashboards/campaigns/" + this.sale.campaign);
        HttpResponse<String> made = this.http.post("/campaigns/" + this.sale.campaign + "/retarget",
                "audience=DELIVERED_NOT_CLICKED&_csrf=" + HttpFixture.encode(csrf));
        assertThat(made.statusCode()).isEqualTo(302);
        String location = made.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/segments/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonNode count = JSON
            .readTree(this.http.get("/api/v1/segments/" + id + "/count", "X-API-Key", this.key).body());
        assertThat(count.get("matching").asLong()).isEqualTo(3);
    }

    @Test
    void badRequestsAreRefused() {
        HttpResponse<String> unknown = this.http.postJson("/api/v1/campaigns/" + this.sale.campaign + "/retarget",
                "{\"audience\":\"EVERYBODY\"}", "X-API-Key", this.key);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("CLICKED_NOT_CONVERTED");
        HttpResponse<String> missing = this.http.postJson("/api/v1/campaigns/999999999/retarget",
                "{\"audience\":\"CLICKED\"}", "X-API-Key", this.key);
        assertThat(missing.statusCode()).isEqualTo(404);
        String managerKey = this.apiKeys.create("manager-" + System.nanoTime(), Role.MANAGER, "test").token();
        HttpResponse<String> manager = this.http.postJson("/api/v1/campaigns/" + this.sale.campaign + "/retarget",
                "{\"audience\":\"CLICKED\"}", "X-API-Key", managerKey);
        assertThat(manager.statusCode()).isEqualTo(403);
    }

}
