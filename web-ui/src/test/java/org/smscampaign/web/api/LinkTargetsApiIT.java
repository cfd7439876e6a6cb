package org.smscampaign.web.api;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.link.BrandView;
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
 * Issue 16, finding 4, as the probe ran it over the REST API: fallbacks off the brand's
 * domains and targets at internal hosts were accepted, and nobody learnt which links
 * broke a brand's new rules.
 */
@PlatformIT
class LinkTargetsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Brands brands;

    HttpFixture http;

    String marketer;

    String admin;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.marketer = this.apiKeys.create("links-" + System.nanoTime(), Role.MARKETER, "test").token();
        this.admin = this.apiKeys.create("admin-" + System.nanoTime(), Role.ADMIN, "test").token();
    }

    private BrandView brand(String... allowedDomains) {
        long n = System.nanoTime();
        return this.brands.create("Api brand " + n, "https://go" + n + ".example/", null, List.of(allowedDomains),
                List.of(), false);
    }

    private HttpResponse<String> create(String target, Long brandId, String fallback) {
        return this.http.postJson("/api/v1/links", """
                {"targetUrl":%s,"brandId":%s,"fallbackUrl":%s}""".formatted(quoted(target), brandId, quoted(fallback)),
                "X-API-Key", this.marketer);
    }

    private static String quoted(String text) {
        return (text == null) ? "null" : "\"" + text + "\"";
    }

    @Test
    void fallbacksAndTargetsAreCheckedByTheBrandsRulesAndForInternalHosts() {
        BrandView shopOnly = brand("shop.example");
        for (String fallback : List.of("https://evil.example/", "http://169.254.169.254/latest/meta-data/")) {
            HttpResponse<String> refused = create("https://shop.example/sale", shopOnly.id(), fallback);
            assertThat(refused.statusCode()).as(fallback).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("detail").asString()).startsWith("Fallback: ");
        }
        for (String target : List.of("http://127.0.0.1:8082/actuator/env", "http://0x7f000001:8082/actuator",
                "http://[::ffff:127.0.0.1]:8082/", "http://metadata.google.internal/")) {
            assertThat(create(target, null, null).statusCode()).as(target).isEqualTo(400);
        }

        HttpResponse<String> created = create("https://shop.example/sale", shopOnly.id(), null);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(this.http
            .patchJson("/api/v1/links/" + id, "{\"fallbackUrl\":\"https://evil.example/\"}", "X-API-Key", this.marketer)
            .statusCode()).isEqualTo(400);
        HttpResponse<String> fixed = this.http.patchJson("/api/v1/links/" + id,
                "{\"fallbackUrl\":\"https://shop.example/more\"}", "X-API-Key", this.marketer);
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fixed.body()).get("fallbackUrl").asString()).isEqualTo("https://shop.example/more");
    }

    @Test
    void adminsSeeAndDisableTheLinksThatBreakABrandsNewRules() {
        BrandView open = brand();
        long id = JSON.readTree(create("https://old.example/sale", open.id(), null).body()).get("id").asLong();
        String offenders = "/api/v1/admin/brands/" + open.id() + "/offenders";
        assertThat(this.brands.updateRules(open.id(), null, List.of("shop.example"))).isEqualTo(1);

        assertThat(this.http.get(offenders, "X-API-Key", this.marketer).statusCode()).isEqualTo(403);
        HttpResponse<String> listed = this.http.get(offenders, "X-API-Key", this.admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode offence = JSON.readTree(listed.body()).get(0);
        assertThat(offence.get("field").asString()).isEqualTo("TARGET");
        assertThat(offence.get("url").asString()).startsWith("https://old.example/sale");
        assertThat(offence.get("exampleLinkId").asLong()).isEqualTo(id);

        HttpResponse<String> disabled = this.http.postJson(offenders + "/disabling", "{}", "X-API-Key", this.admin);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(disabled.body()).get("disabled").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(this.http.get("/api/v1/links/" + id, "X-API-Key", this.marketer).body())
            .get("disabledAt")
            .isNull()).isFalse();
    }

}
