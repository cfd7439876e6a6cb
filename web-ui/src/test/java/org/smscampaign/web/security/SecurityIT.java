package org.smscampaign.web.security;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@PlatformIT
class SecurityIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApiKeys apiKeys;

    HttpFixture http;

    @BeforeEach
    void newBrowserLikeClient() {
        this.http = new HttpFixture(this.port);
    }

    @Test
    void aPageWithoutLoginRedirectsToTheLoginPage() {
        HttpResponse<String> response = this.http.get("/campaigns");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> login = this.http.get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
            .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = this.http.signIn(PlatformIT.ADMIN, "not-the-password");

        assertThat(response.headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
        assertThat(this.http.get("/campaigns").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInChangesTheSessionId() {
        this.http.get("/login");
        assertThat(this.http.cookie("SESSION")).as("no session before sign-in").isNull();
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        String before = this.http.cookie("SESSION");
        assertThat(before).isNotNull();

        // Signed in, the login page redirects home: the form is posted with a page's
        // token.
        HttpResponse<String> response = this.http.post("/login", "username=" + PlatformIT.ADMIN + "&password="
                + HttpFixture.encode(PlatformIT.ADMIN_PASSWORD) + "&_csrf=" + this.http.csrfToken("/campaigns"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(this.http.cookie("SESSION")).isNotNull().isNotEqualTo(before);
        assertThat(this.http.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(new HttpFixture(this.port).get("/admin/users", "Cookie", "SESSION=" + before).statusCode())
            .as("the session id from before opens nothing")
            .isEqualTo(302);
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        this.http.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);

        assertThat(this.http.post("/admin/api-keys", "name=no-token&role=MARKETER").statusCode()).isEqualTo(403);
        assertThat(this.apiKeys.list()).noneMatch((key) -> key.name().equals("no-token"));

        String token = this.http.csrfToken("/admin/api-keys");
        assertThat(this.http.post("/admin/api-keys", "name=with-token&role=MARKETER&scopes=API_READ&_csrf=" + token)
            .statusCode()).isEqualTo(200);
        assertThat(this.apiKeys.list()).anyMatch((key) -> key.name().equals("with-token"));
    }

    @Test
    void aManagerReadsButDoesNotAdministerOrChange() {
        this.http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);

        assertThat(this.http.get("/dashboards").statusCode()).isEqualTo(200);
        assertThat(this.http.get("/campaigns").statusCode()).isEqualTo(200);
        HttpResponse<String> admin = this.http.get("/admin/users", "Accept", "text/html");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("Access denied");
        String token = this.http.csrfToken("/campaigns");
        assertThat(this.http.post("/campaigns", "_csrf=" + token).statusCode()).isEqualTo(403);
    }

    @Test
    void aMarketerDoesNotAdminister() {
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        assertThat(this.http.get("/campaigns").statusCode()).isEqualTo(200);
        assertThat(this.http.get("/admin/api-keys").statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownPageGetsTheNotFoundPage() {
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        HttpResponse<String> response = this.http.get("/no/such/page", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").contains("Sign out");
    }

    @Test
    void theApiWithoutCredentialsAnswers401Problem() {
        HttpResponse<String> response = this.http.get("/api/v1/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"/problems/unauthorized\"");
    }

    @Test
    void anApiKeyAuthenticatesUntilRevoked() {
        CreatedApiKey created = this.apiKeys.create("integration", Role.MARKETER, "test");

        HttpResponse<String> me = this.http.get("/api/v1/me", "X-API-Key", created.token());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"integration\"", "\"roles\":[\"MARKETER\"]", "\"api-key\"");
        assertThat(this.http.get("/api/v1/me", "Authorization", "Bearer " + created.token()).statusCode())
            .isEqualTo(200);
        assertThat(this.http.cookie("SESSION")).as("no session for API-key calls").isNull();

        this.apiKeys.revoke(created.key().id(), "test");
        assertThat(this.http.get("/api/v1/me", "X-API-Key", created.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void anApiKeyNeverLeavesASessionThatOpensThePages() {
        String key = this.apiKeys.create("cookie jar", Role.MARKETER, "test").token();
        // A request that ends on the error page gives the client a session cookie...
        this.http.get("/api/v1/contact-imports/987654321/rejections", "X-API-Key", key, "Accept", "text/html");
        // ...which a later keyed request must not turn into a signed-in session.
        assertThat(this.http.get("/api/v1/contacts", "X-API-Key", key).statusCode()).isEqualTo(200);

        HttpResponse<String> page = this.http.get("/campaigns");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void thePublicEndpointsRefuseOversizedBodiesBeforeReadingThem() {
        String big = "Body=" + "x".repeat(70_000);
        for (String path : new String[] { "/webhooks/twilio/inbound", "/webhooks/twilio/status/1", "/t/conversions",
                "/api/v1/conversions" }) {
            HttpResponse<String> response = this.http.post(path, big);
            assertThat(response.statusCode()).as(path).isEqualTo(413);
            assertThat(response.body()).as(path).contains("\"type\":\"/problems/payload-too-large\"");
        }
        assertThat(this.http.post("/webhooks/twilio/inbound", "Body=STOP").statusCode()).as("a normal size passes")
            .isEqualTo(403); // and meets the signature check
    }

    @Test
    void aForgedApiKeyIsRefused() {
        CreatedApiKey created = this.apiKeys.create("forged", Role.ADMIN, "test");
        String forged = created.token().substring(0, created.token().length() - 4) + "AAAA";

        assertThat(this.http.get("/api/v1/me", "X-API-Key", forged).statusCode()).isEqualTo(401);
        assertThat(this.http.get("/api/v1/me", "X-API-Key", "garbage\u00e9").statusCode()).isEqualTo(401);
    }

    @Test
    void anApiKeyActsWithinItsRole() {
        String manager = this.apiKeys.create("reporting", Role.MANAGER, "test").token();
        String marketer = this.apiKeys.create("crm", Role.MARKETER, "test").token();

        HttpResponse<String> write = this.http.post("/api/v1/contacts", "x=1", "X-API-Key", manager);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("/problems/forbidden");
        assertThat(this.http.get("/api/v1/admin/settings", "X-API-Key", marketer).statusCode()).isEqualTo(403);
    }

    /**
     * Issue 16, finding 3: the conversion postback accepted any role's key, the read-only
     * manager's included.
     */
    @Test
    void aManagersKeyNeverReportsConversions() {
        String manager = this.apiKeys.create("reporting-" + System.nanoTime(), Role.MANAGER, "test").token();
        String sale = "{\"code\":\"Ab3xK9q\",\"event\":\"sale\",\"value\":\"999999999\",\"currency\":\"USD\","
                + "\"orderId\":\"M-" + System.nanoTime() + "\"}";

        HttpResponse<String> refused = this.http.postJson("/api/v1/conversions", sale, "X-API-Key", manager);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("/problems/forbidden");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.apiKeys.create("sneaky", Role.MANAGER, Set.of(ApiScope.CONVERSIONS_WRITE), "test"));

        String readOnly = this.apiKeys
            .create("read-" + System.nanoTime(), Role.ADMIN, Set.of(ApiScope.API_READ), "test")
            .token();
        assertThat(this.http.postJson("/api/v1/conversions", sale, "X-API-Key", readOnly).statusCode())
            .as("an admin's key without the scope")
            .isEqualTo(403);
        String shop = this.apiKeys
            .create("shop-" + System.nanoTime(), Role.MARKETER, Set.of(ApiScope.CONVERSIONS_WRITE), "test")
            .token();
        assertThat(this.http.postJson("/api/v1/conversions", sale, "X-API-Key", shop).statusCode())
            .as("a shop's key with the scope")
            .isEqualTo(201);
        assertThat(this.http.get("/api/v1/contacts", "X-API-Key", shop).statusCode()).as("and nothing else")
            .isEqualTo(403);
    }

    @Test
    void anUnknownApiPathAnswers404Problem() {
        String key = this.apiKeys.create("explorer", Role.MANAGER, "test").token();

        HttpResponse<String> response = this.http.get("/api/v1/no-such-thing", "X-API-Key", key);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"type\":\"/problems/not-found\"").doesNotContain("no-such-thing");
    }

    @Test
    void probesAndMetricsArePublicTheRestOfTheActuatorIsForAdmins() {
        HttpFixture management = new HttpFixture(this.managementPort);
        assertThat(management.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(management.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");

        assertThat(management.get("/actuator/metrics").statusCode()).isEqualTo(401);
        String admin = this.apiKeys.create("ops", Role.ADMIN, "test").token();
        assertThat(management.get("/actuator/metrics", "X-API-Key", admin).statusCode()).isEqualTo(200);
        String marketer = this.apiKeys.create("not-ops", Role.MARKETER, "test").token();
        assertThat(management.get("/actuator/metrics", "X-API-Key", marketer).statusCode()).isEqualTo(403);
    }

    @Test
    void theReadinessGroupIncludesTheDatabase() {
        HttpFixture management = new HttpFixture(this.managementPort);
        String admin = this.apiKeys.create("probe-reader", Role.ADMIN, "test").token();

        assertThat(management.get("/actuator/health/readiness", "X-API-Key", admin).body()).contains("\"db\"");
    }

    @Test
    void theActuatorIsNotOnTheApplicationPort() {
        String admin = this.apiKeys.create("wrong-door", Role.ADMIN, "test").token();

        assertThat(this.http.get("/actuator/health/readiness").statusCode()).isNotEqualTo(200);
        assertThat(this.http.get("/actuator/metrics", "X-API-Key", admin).statusCode()).isNotEqualTo(200);
    }

}
