package org.smscampaign.web.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI description ({@code docs/openapi.json}) is the one the platform
 * serves. After an API change, regenerate it with
 * {@code ./test -pl web-ui -am -Dit.test=OpenApiDescriptionIT -Dopenapi.write=true}.
 */
@PlatformIT
class OpenApiDescriptionIT {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theCommittedDescriptionIsCurrent() throws IOException {
        String served = signedIn().get("/v3/api-docs").body();
        JsonNode current = JSON.readTree(served);
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(current) + "\n",
                    StandardCharsets.UTF_8);
        }

        assertThat(COMMITTED).as("docs/openapi.json exists").exists();
        assertThat(JSON.readTree(Files.readString(COMMITTED)))
            .as("docs/openapi.json is stale: regenerate it with -Dopenapi.write=true (see this test's comment)")
            .isEqualTo(current);
    }

    @Test
    void documentsTheApiKeySchemeAndTheApiOnly() {
        String served = signedIn().get("/v3/api-docs").body();

        assertThat(served).contains("\"X-API-Key\"", "/api/v1/me").doesNotContain("/admin/users", "/login");
    }

    @Test
    void theDocsNeedASignedInUser() {
        HttpFixture anonymous = new HttpFixture(this.port);
        for (String path : new String[] { "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html",
                "/swagger-ui/index.html" }) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
        assertThat(signedIn().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private HttpFixture signedIn() {
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        return http;
    }

}
