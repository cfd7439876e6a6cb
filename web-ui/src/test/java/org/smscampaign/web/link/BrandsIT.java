package org.smscampaign.web.link;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Issue 17, defect 3: the link address of a brand could not be edited and no other brand
 * could be made the default. Now admins create, edit and choose the default brand on the
 * page and over REST.
 */
@ProductionLinkRules
class BrandsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Brands brands;

    @Autowired
    ApiKeys apiKeys;

    HttpFixture http;

    long originalDefault;

    @BeforeEach
    void signedInAdmin() {
        this.originalDefault = this.brands.defaultBrand().id();
        this.http = new HttpFixture(this.port);
        assertThat(this.http.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
    }

    @AfterEach
    void defaultAsBefore() {
        this.brands.makeDefault(this.originalDefault);
    }

    private HttpResponse<String> post(String path, String form) {
        return this.http.post(path, form + "&_csrf=" + this.http.csrfToken("/admin/link-tracking"));
    }

    private BrandView named(String name) {
        return this.brands.all().stream().filter((b) -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anAdminCreatesEditsAndChoosesTheDefaultBrandOnThePage() {
        String name = "Acme " + System.nanoTime();
        HttpResponse<String> created = post("/admin/link-tracking/brands",
                "name=" + HttpFixture.encode(name) + "&baseUrl=" + HttpFixture.encode("https://go.acme.example/"));
        assertThat(created.statusCode()).isEqualTo(302);
        BrandView brand = named(name);
        assertThat(brand.baseUrl()).isEqualTo("https://go.acme.example/");
        assertThat(brand.hosts()).as("a link address at a host's root makes it a link host")
            .containsExactly("go.acme.example");
        assertThat(brand.isDefault()).isFalse();
        String page = this.http.get("/admin/link-tracking").body();
        assertThat(page).contains("created").contains("https://go.acme.example/Ab3xK9q");

        post("/admin/link-tracking/brands/" + brand.id(), "name=" + HttpFixture.encode(name + " Outlet") + "&baseUrl="
                + HttpFixture.encode("https://links.acme-outlet.example/s/"));
        BrandView edited = this.brands.get(brand.id());
        assertThat(edited.name()).isEqualTo(name + " Outlet");
        assertThat(edited.baseUrl()).isEqualTo("https://links.acme-outlet.example/s/");

        post("/admin/link-tracking/brands/" + brand.id() + "/default", "x=1");
        assertThat(this.brands.defaultBrand().id()).isEqualTo(brand.id());
        assertThat(this.brands.all().stream().filter(BrandView::isDefault)).as("one default at a time").hasSize(1);
        assertThat(this.http.get("/admin/link-tracking").body()).contains("Default brand changed");
    }

    @Test
    void aBadLinkAddressIsRefusedWithTheReason() {
        String name = "Bad " + System.nanoTime();
        post("/admin/link-tracking/brands",
                "name=" + HttpFixture.encode(name) + "&baseUrl=" + HttpFixture.encode("ftp://go.acme.example/"));
        assertThat(this.http.get("/admin/link-tracking").body()).contains("Only http and https addresses");
        assertThat(this.brands.all()).noneMatch((b) -> b.name().equals(name));
    }

    @Test
    void overRestAdminsCreateEditAndChooseTheDefault() {
        String admin = this.apiKeys.create("brands-" + System.nanoTime(), Role.ADMIN, "test").token();
        String marketer = this.apiKeys.create("brands-m-" + System.nanoTime(), Role.MARKETER, "test").token();
        String name = "Rest " + System.nanoTime();
        String body = "{\"name\":\"" + name + "\",\"baseUrl\":\"http://go.rest.example/\"}";
        assertThat(this.http.postJson("/api/v1/admin/brands", body, "X-API-Key", marketer).statusCode()).isEqualTo(403);

        HttpResponse<String> created = this.http.postJson("/api/v1/admin/brands", body, "X-API-Key", admin);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode json = JSON.readTree(created.body());
        long id = json.at("/brand/id").asLong();
        assertThat(json.at("/brand/baseUrl").asString()).isEqualTo("http://go.rest.example/");
        assertThat(json.at("/linkAddress/sampleLink").asString()).matches("http://go\\.rest\\.example/\\w{7}");
        assertThat(json.at("/linkAddress/verdict").asString()).as("no DNS record").isEqualTo("ERROR");

        HttpResponse<String> patched = this.http.patchJson("/api/v1/admin/brands/" + id,
                "{\"baseUrl\":\"https://go.rest2.example/\"}", "X-API-Key", admin);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(patched.body()).at("/brand/name").asString()).isEqualTo(name);
        assertThat(this.brands.get(id).baseUrl()).isEqualTo("https://go.rest2.example/");

        HttpResponse<String> madeDefault = this.http.postJson("/api/v1/admin/brands/" + id + "/default", "{}",
                "X-API-Key", admin);
        assertThat(JSON.readTree(madeDefault.body()).at("/brand/isDefault").asBoolean()).isTrue();
        JsonNode list = JSON.readTree(this.http.get("/api/v1/admin/brands", "X-API-Key", admin).body());
        assertThat(list.get(0).at("/brand/id").asLong()).as("the default first").isEqualTo(id);

        HttpResponse<String> invalid = this.http.patchJson("/api/v1/admin/brands/" + id,
                "{\"baseUrl\":\"https://go.rest.example/?q=1\"}", "X-API-Key", admin);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).at("/type").asString()).isEqualTo("/problems/validation-failed");
    }

}
