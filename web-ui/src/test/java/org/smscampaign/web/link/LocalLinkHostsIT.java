package org.smscampaign.web.link;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.link.Brands;
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
 * Issue 17, defect 3, in a trial on one computer (the demo profile sets
 * {@code sms.link.allow-local-link-hosts}): links at localhost are a warning, and the
 * campaign launches.
 */
@PlatformIT
class LocalLinkHostsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ContactLists lists;

    @Autowired
    Brands brands;

    @Test
    void localhostLinksAreAWarningAndTheCampaignLaunches() {
        HttpFixture http = new HttpFixture(this.port);
        String key = this.apiKeys.create("local-" + System.nanoTime(), Role.MARKETER, "test").token();
        long list = this.lists.create("Local trial " + System.nanoTime(), null).id();
        assertThat(this.brands.defaultBrand().baseUrl()).startsWith("http://localhost:");
        HttpResponse<String> created = http.postJson("/api/v1/campaigns",
                """
                        {"name":"Local trial","sender":"default","audience":{"lists":[%d]},"optOutLine":true,"holdoutPercent":0,"attributionDays":7,"evaluationDays":7,
                         "variants":[{"label":"A","body":"Autumn sale: 20%% off all shoes at {{link:https://shop.example/a}}","split":100}]}"""
                    .formatted(list),
                "X-API-Key", key);
        long id = JSON.readTree(created.body()).get("id").asLong();

        JsonNode preflight = JSON.readTree(http.get("/api/v1/campaigns/" + id + "/preflight", "X-API-Key", key).body());
        assertThat(preflight.get("warnings").findValuesAsString("code")).contains("LINK_ADDRESS_WARNING")
            .doesNotContain("LINK_ADDRESS");
        assertThat(preflight.get("warnings").toString())
            .contains("Links point at localhost: only this computer can open them.");
        assertThat(preflight.get("sampleLink").asString()).matches("http://localhost:\\d+/r/\\w{7}");

        HttpResponse<String> launch = http.postJson("/api/v1/campaigns/" + id + "/launch", "{}", "X-API-Key", key);
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
    }

}
