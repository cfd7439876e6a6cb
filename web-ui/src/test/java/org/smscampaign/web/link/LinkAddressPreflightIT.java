package org.smscampaign.web.link;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.ProductionLinkRules;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 3: tracked links pointed at http://localhost:8080/r/… and the
 * preflight said "No warnings". Now the preflight shows a sample link as it will be sent
 * and an error with the fix when recipients could not open it, and neither the page nor
 * the API launches such a campaign.
 */
@ProductionLinkRules
class LinkAddressPreflightIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Brands brands;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ContactLists lists;

    @Autowired
    CampaignManagement campaigns;

    HttpFixture http;

    String key;

    long list;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("preflight-" + System.nanoTime(), Role.ADMIN, "test").token();
        this.list = this.lists.create("Link test " + System.nanoTime(), null).id();
    }

    private BrandView brand(String baseUrl) {
        return this.brands.create("Brand " + System.nanoTime(), baseUrl, null, List.of(), List.of(), false);
    }

    private long campaign(long brandId) {
        String draft = """
                {"name":"Links %d","sender":"default","brandId":%d,"audience":{"lists":[%d]},
                 "variants":[{"label":"A","body":"Autumn sale: 20%% off all shoes at {{link:https://shop.example/a}}","split":100}],
                 "optOutLine":true,"holdoutPercent":0,"attributionDays":7,"evaluationDays":7}"""
            .formatted(System.nanoTime(), brandId, this.list);
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", draft, "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private JsonNode preflight(long campaign) {
        return JSON
            .readTree(this.http.get("/api/v1/campaigns/" + campaign + "/preflight", "X-API-Key", this.key).body());
    }

    @Test
    void localhostPrivateAndUnknownHostsAreErrorsThatSayHowToFixThem() {
        String[][] cases = { { "http://localhost:8080/r/", "localhost", "only this computer" },
                { "https://10.20.30.40/", "10.20.30.40", "private network" },
                { "https://go.nowhere.invalid/", "go.nowhere.invalid", "does not resolve" } };
        for (String[] c : cases) {
            long campaign = campaign(brand(c[0]).id());
            JsonNode preflight = preflight(campaign);
            assertThat(preflight.get("sampleLink").asString()).as(c[0]).startsWith(c[0]).hasSize(c[0].length() + 7);
            JsonNode first = preflight.get("warnings").get(0);
            assertThat(first.get("code").asString()).isEqualTo("LINK_ADDRESS");
            assertThat(first.get("message").asString()).contains(c[1])
                .contains(c[2])
                .contains("Set the brand's link address in Admin → Link tracking");

            HttpResponse<String> launch = this.http.postJson("/api/v1/campaigns/" + campaign + "/launch", "{}",
                    "X-API-Key", this.key);
            assertThat(launch.statusCode()).as(c[0]).isEqualTo(422);
            JsonNode problem = JSON.readTree(launch.body());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/link-address-not-reachable");
            assertThat(problem.get("detail").asString()).contains(c[1]);
            assertThat(this.campaigns.get(campaign).status()).isEqualTo(CampaignStatus.DRAFT);
        }
    }

    @Test
    void thePageRefusesTheLaunchWithTheReason() {
        long campaign = campaign(brand("https://10.9.9.9/").id());
        assertThat(this.http.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        String csrf = this.http.csrfToken("/campaigns/" + campaign);
        this.http.post("/campaigns/" + campaign + "/launch", "confirmed=true&_csrf=" + csrf);
        String page = this.http.get("/campaigns/" + campaign).body();
        assertThat(page).contains("alert-danger").contains("10.9.9.9").contains("Admin → Link tracking");
        assertThat(this.campaigns.get(campaign).status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void aCampaignNamesABrandThatExists() {
        HttpResponse<String> refused = this.http.postJson("/api/v1/campaigns",
                """
                        {"name":"No brand","sender":"default","brandId":987654321,"holdoutPercent":0,"attributionDays":7,
                         "evaluationDays":7,"optOutLine":true,"variants":[{"label":"A","body":"Autumn sale today","split":100}]}""",
                "X-API-Key", this.key);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("no brand 987654321");
    }

    @Test
    void aPublicHttpsAddressLaunches() {
        // a public address literal: nothing to resolve
        long campaign = campaign(brand("https://93.184.215.14/").id());
        JsonNode preflight = preflight(campaign);
        assertThat(preflight.get("warnings").findValuesAsString("code")).doesNotContain("LINK_ADDRESS");
        assertThat(preflight.get("sampleLink").asString()).startsWith("https://93.184.215.14/");
        HttpResponse<String> launch = this.http.postJson("/api/v1/campaigns/" + campaign + "/launch", "{}", "X-API-Key",
                this.key);
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
    }

}
