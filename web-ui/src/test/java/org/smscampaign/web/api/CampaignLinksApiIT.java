package org.smscampaign.web.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.link.LinkDestinations;
import org.smscampaign.link.LinkSearch;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;
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
 * Issue 17, defect 6: a mistyped destination had to be fixed in every recipient's link.
 * Over REST it is corrected once for the whole campaign, checked, audited and followed by
 * the redirector; each link keeps its own UTM parameters.
 */
@PlatformIT
class CampaignLinksApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ShortLinks links;

    @Autowired
    LinkDestinations destinations;

    HttpFixture http;

    String marketer;

    long campaign;

    List<MintedLink> minted;

    @BeforeEach
    void aCampaignWithAMistypedDestination() {
        this.http = new HttpFixture(this.port);
        this.marketer = this.apiKeys.create("bulk-" + System.nanoTime(), Role.MARKETER, "test").token();
        this.campaign = 4_000_000_000L + System.nanoTime() % 1_000_000_000L;
        this.minted = this.links.mint(IntStream.rangeClosed(1, 4)
            .mapToObj((contact) -> new RecipientLinkRequest("https://shop.example/sael", null, this.campaign,
                    (long) contact, (contact % 2 == 0) ? "B" : "A", null, "spring-sale", 7))
            .toList());
        this.links.mint(List.of(new RecipientLinkRequest("https://shop.example/terms", null, this.campaign, 1L, "A",
                null, "spring-sale", 7)));
    }

    private HttpResponse<String> correct(String from, String to, String key) {
        return this.http.patchJson("/api/v1/campaigns/" + this.campaign + "/links?from=" + HttpFixture.encode(from),
                "{\"to\":\"" + to + "\"}", "X-API-Key", key);
    }

    @Test
    void aDestinationIsCorrectedOnceForEveryRecipientLinkOfTheCampaign() {
        JsonNode before = JSON.readTree(
                this.http.get("/api/v1/campaigns/" + this.campaign + "/links", "X-API-Key", this.marketer).body());
        assertThat(before.get("total").asLong()).isEqualTo(2);
        assertThat(before.get("totalLinks").asLong()).isEqualTo(5);

        HttpResponse<String> corrected = correct("https://shop.example/sael", "https://shop.example/sale",
                this.marketer);

        assertThat(corrected.statusCode()).isEqualTo(200);
        JsonNode change = JSON.readTree(corrected.body());
        assertThat(change.get("links").asInt()).isEqualTo(4);
        assertThat(change.get("changedBy").asString()).isNotBlank();
        List<ShortLinkView> after = this.links.list(new LinkSearch(this.campaign, false), 10);
        assertThat(after).filteredOn((l) -> !l.targetUrl().contains("/terms"))
            .hasSize(4)
            .allSatisfy((l) -> assertThat(l.targetUrl())
                .isEqualTo("https://shop.example/sale?utm_source=sms&utm_medium=sms&utm_campaign=spring-sale"
                        + "&utm_content=" + l.variant()));
        assertThat(after).filteredOn((l) -> l.targetUrl().contains("/terms")).hasSize(1);
        assertThat(this.destinations.changes(this.campaign)).singleElement()
            .satisfies((c) -> assertThat(c.from()).isEqualTo("https://shop.example/sael"));
        assertThat(this.http.get("/r/" + this.minted.get(1).code()).headers().firstValue("Location").orElseThrow())
            .startsWith("https://shop.example/sale?");

        JsonNode grouped = JSON.readTree(
                this.http.get("/api/v1/campaigns/" + this.campaign + "/links", "X-API-Key", this.marketer).body());
        assertThat(grouped.get("items").findValuesAsString("destination")).contains("https://shop.example/sale",
                "https://shop.example/terms");
    }

    @Test
    void aDestinationTheRulesRefuseOrThatNoLinkHasChangesNothing() {
        HttpResponse<String> internal = correct("https://shop.example/sael", "http://127.0.0.1:8082/actuator/env",
                this.marketer);
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(internal.body()).get("type").asString()).isEqualTo("/problems/validation-failed");

        HttpResponse<String> unknown = correct("https://shop.example/nowhere", "https://shop.example/sale",
                this.marketer);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("/problems/not-found");

        String manager = this.apiKeys.create("bulk-manager-" + System.nanoTime(), Role.MANAGER, "test").token();
        assertThat(correct("https://shop.example/sael", "https://shop.example/sale", manager).statusCode())
            .isEqualTo(403);
        assertThat(this.links.list(new LinkSearch(this.campaign, false), 10))
            .allSatisfy((l) -> assertThat(l.targetUrl()).doesNotContain("/sale?"));
        assertThat(this.destinations.changes(this.campaign)).isEmpty();
    }

}
