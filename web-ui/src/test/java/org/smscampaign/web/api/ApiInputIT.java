package org.smscampaign.web.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON request the OpenAPI description documents ({@code docs/openapi.json}),
 * posted with each field malformed and with every optional field left out: a malformed
 * field is a 400 naming the field and the reason (never a bare "Failed to read request"),
 * and leaving fields out never makes the body unreadable. Path ids point at nothing, so
 * no real data changes.
 */
@PlatformIT
class ApiInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode API = read(Path.of("..", "docs", "openapi.json"));

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    HttpFixture http;

    String key;

    @BeforeEach
    void admin() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("input-" + System.nanoTime(), Role.ADMIN, "test").token();
    }

    @Test
    void eachMalformedFieldIsNamedWithItsReason() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation operation : jsonOperations()) {
            JsonNode schema = resolve(operation.schema());
            if (!schema.has("properties")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                ObjectNode body = JSON.createObjectNode();
                body.set(property.getKey(), malformed(resolve(property.getValue())));
                HttpResponse<String> response = send(operation, body.toString());
                checked++;
                JsonNode problem = problem(response);
                boolean named = problem.path("errors")
                    .valueStream()
                    .anyMatch((error) -> error.path("field").asString("").startsWith(property.getKey())
                            && !error.path("message").asString("").isBlank());
                if (response.statusCode() != 400 || !named) {
                    wrong.add(operation + " with " + body + ": " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(checked).as("fields checked").isGreaterThan(50);
        assertThat(wrong).as("malformed fields not named").isEmpty();
    }

    @Test
    void leavingOptionalFieldsOutNeverMakesTheBodyUnreadable() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : jsonOperations()) {
            JsonNode schema = resolve(operation.schema());
            String empty = "array".equals(schema.path("type").asString("")) ? "[]" : "{}";
            HttpResponse<String> response = send(operation, empty);
            JsonNode problem = problem(response);
            boolean unreadable = problem.path("detail").asString("").startsWith("Failed to read request");
            boolean namesNothing = response.statusCode() == 400 && problem.path("detail").asString("").isBlank();
            if (response.statusCode() >= 500 || unreadable || namesNothing) {
                wrong.add(operation + " with " + empty + ": " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aCampaignWithoutItsOptionalNumbersAndFlagsTakesTheDocumentedDefaults() {
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", """
                {"name": "Defaults %d", "sender": "default", "variants": [{"body": "Hi {{first_name|there}}"}]}
                """.formatted(System.nanoTime()), "X-API-Key", this.key);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode draft = JSON.readTree(created.body()).path("draft");
        JsonNode documented = API.at("/components/schemas/CampaignDraft/properties");
        assertThat(draft.path("optOutLine").asBoolean()).isTrue();
        for (String field : List.of("optOutLine", "holdoutPercent", "attributionDays", "evaluationDays")) {
            assertThat(draft.path(field).asString()).as(field)
                .isEqualTo(documented.path(field).path("default").asString());
        }
        assertThat(draft.path("variants").get(0).path("split").asInt()).isZero();
    }

    @Test
    void aWrongTypeNamesTheFieldTheValueAndTheReason() {
        HttpResponse<String> response = this.http.postJson("/api/v1/campaigns", """
                {"name": "Wrong", "holdoutPercent": "ten", "variants": [{"body": "Hi", "split": "half"}]}
                """, "X-API-Key", this.key);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = problem(response).path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("holdoutPercent");
        assertThat(error.path("value").asString()).isEqualTo("ten");
        assertThat(error.path("message").asString()).isEqualTo("must be a whole number");

        HttpResponse<String> split = this.http.postJson("/api/v1/campaigns", """
                {"name": "Wrong", "variants": [{"body": "Hi", "split": "half"}]}
                """, "X-API-Key", this.key);
        assertThat(problem(split).path("errors").get(0).path("field").asString()).isEqualTo("variants[0].split");

        HttpResponse<String> broken = this.http.postJson("/api/v1/campaigns", "{\"name\": \"Broken\",", "X-API-Key",
                this.key);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(problem(broken).path("detail").asString()).startsWith("The body is not valid JSON at line 1");

        HttpResponse<String> policy = this.http.postJson("/api/v1/campaigns",
                "{\"name\": \"Policy\", \"windowPolicy\": \"LATER\"}", "X-API-Key", this.key);
        assertThat(problem(policy).path("errors").get(0).path("message").asString())
            .isEqualTo("must be one of HOLD, SKIP");
    }

    /** A value of the wrong type for the schema. */
    private static JsonNode malformed(JsonNode schema) {
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "integer", "number" -> JSON.getNodeFactory().stringNode("lots");
            case "boolean" -> JSON.getNodeFactory().stringNode("maybe");
            case "string" -> schema.has("enum") || schema.has("format") ? JSON.getNodeFactory().stringNode("no-such")
                    : JSON.createObjectNode().put("not", "a text");
            case "array" -> JSON.getNodeFactory().stringNode("not a list");
            default -> JSON.getNodeFactory().numberNode(42);
        };
    }

    private HttpResponse<String> send(Operation operation, String body) {
        return switch (operation.method()) {
            case "put" -> this.http.putJson(operation.path(), body, "X-API-Key", this.key);
            case "patch" -> this.http.patchJson(operation.path(), body, "X-API-Key", this.key);
            default -> this.http.postJson(operation.path(), body, "X-API-Key", this.key);
        };
    }

    private static JsonNode problem(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        }
        catch (RuntimeException ex) {
            return JSON.createObjectNode();
        }
    }

    /**
     * The documented operations that take a JSON body, with ids that point at nothing.
     */
    private static List<Operation> jsonOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : API.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode schema = method.getValue().at("/requestBody/content/application~1json/schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                String concrete = path.getKey();
                String query = "";
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    String in = parameter.path("in").asString("");
                    String name = parameter.path("name").asString();
                    if ("path".equals(in)) {
                        concrete = concrete.replace("{" + name + "}", nothing(parameter.path("schema")));
                    }
                    else if ("query".equals(in) && parameter.path("required").asBoolean(false)) {
                        query += (query.isEmpty() ? "?" : "&") + name + "="
                                + HttpFixture.encode(nothing(parameter.path("schema")));
                    }
                }
                concrete += query;
                operations.add(new Operation(method.getKey(), concrete, schema));
            }
        }
        assertThat(operations).as("documented JSON requests").hasSizeGreaterThan(20);
        return operations;
    }

    /** A path value of the parameter's type that names nothing. */
    private static String nothing(JsonNode schema) {
        if ("integer".equals(schema.path("type").asString(""))) {
            return "999999999";
        }
        if ("date".equals(schema.path("format").asString(""))) {
            return "2099-01-01";
        }
        return schema.has("enum") ? schema.get("enum").get(0).asString() : "no-such-thing";
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = API.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    record Operation(String method, String path, JsonNode schema) {

        @Override
        public String toString() {
            return this.method.toUpperCase(java.util.Locale.ROOT) + " " + this.path;
        }

    }

}
