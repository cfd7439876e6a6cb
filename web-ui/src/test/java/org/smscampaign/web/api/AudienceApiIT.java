package org.smscampaign.web.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

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
 * Contacts, imports, lists and segments through the REST API with an API key, over real
 * HTTP.
 */
@PlatformIT
class AudienceApiIT {

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
        this.key = this.apiKeys.create("crm-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    private JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String uniqueNumber() {
        return "+49 176 8" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    @Test
    void contactsAreCreatedReadAndRefusedWithProblems() {
        String phone = uniqueNumber();
        HttpResponse<String> created = this.http.postJson("/api/v1/contacts",
                """
                        {"phone":"%s","firstName":"Api","tags":["tech","Music"],"consent":"PENDING","consentProof":"CRM sync"}"""
                    .formatted(phone),
                "X-API-Key", this.key);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode contact = json(created);
        long id = contact.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/contacts/" + id);
        assertThat(contact.get("tags").toString()).isEqualTo("[\"tech\",\"music\"]");
        assertThat(contact.get("consentLog").get(0).get("proof").asString()).isEqualTo("CRM sync");

        HttpResponse<String> duplicate = this.http.postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\"}",
                "X-API-Key", this.key);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(json(duplicate).get("existingId").asLong()).isEqualTo(id);

        HttpResponse<String> invalid = this.http.postJson("/api/v1/contacts",
                "{\"phone\":\"nope\",\"gender\":\"robot\",\"birthDate\":\"31.02.1990\"}", "X-API-Key", this.key);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(invalid.body()).contains("\"field\":\"phone\"", "\"field\":\"gender\"", "\"field\":\"birth_date\"",
                "bad date");

        HttpResponse<String> consent = this.http.postJson("/api/v1/contacts/" + id + "/consent",
                "{\"status\":\"SUBSCRIBED\",\"proof\":\"Double opt-in\"}", "X-API-Key", this.key);
        assertThat(json(consent).get("consent").asString()).isEqualTo("SUBSCRIBED");

        HttpResponse<String> erased = this.http.post("/api/v1/contacts/" + id + "/erasure", "", "X-API-Key", this.key);
        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(json(this.http.get("/api/v1/contacts/" + id, "X-API-Key", this.key)).get("phoneNumber").isNull())
            .isTrue();
        assertThat(this.http.get("/api/v1/contacts/999999999", "X-API-Key", this.key).body())
            .contains("/problems/not-found");
    }

    @Test
    void aCsvUploadWithSettingsImportsInTheBackgroundAndReportsRejections() throws InterruptedException {
        String good = uniqueNumber();
        String kept = uniqueNumber();
        byte[] file = ("phone,first_name,birth_date\n" + good + ",Ulla,1980-02-03\nbad-number,Vera,\n" + kept
                + ",Wanda,1980-02-31\n")
            .getBytes(StandardCharsets.UTF_8);
        String unconfirmed = """
                {"columns":[{"column":0,"target":"PHONE"},{"column":1,"target":"FIRST_NAME"},
                 {"column":2,"target":"BIRTH_DATE"}],"defaultRegion":"DE","consent":"SUBSCRIBED","policy":"UPDATE"}""";
        HttpResponse<String> refused = this.http.upload("/api/v1/contact-imports", "api.csv", file, unconfirmed,
                "X-API-Key", this.key);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asString()).contains("confirm that you have their consent");
        String settings = """
                {"columns":[{"column":0,"target":"PHONE"},{"column":1,"target":"FIRST_NAME"},
                 {"column":2,"target":"BIRTH_DATE"}],"defaultRegion":"DE","consent":"SUBSCRIBED","policy":"UPDATE",
                 "consentConfirmed":true,"consentObtained":"WEB_FORM","consentProof":"Double opt-in, shop 2025"}""";

        HttpResponse<String> upload = this.http.upload("/api/v1/contact-imports", "api.csv", file, settings,
                "X-API-Key", this.key);
        assertThat(upload.statusCode()).isEqualTo(201);
        long id = json(upload).get("id").asLong();

        JsonNode job = json(upload);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!job.get("status").asString().matches("COMPLETED|FAILED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = json(this.http.get("/api/v1/contact-imports/" + id, "X-API-Key", this.key));
        }
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("rejected").asLong()).isEqualTo(1);
        assertThat(job.get("warnings").asLong()).isEqualTo(1);
        JsonNode warnings = json(this.http.get("/api/v1/contact-imports/" + id + "/warnings", "X-API-Key", this.key));
        assertThat(warnings.get(0).get("line").asLong()).isEqualTo(4);
        assertThat(warnings.get(0).get("column").asString()).isEqualTo("birth_date");
        assertThat(warnings.get(0).get("value").asString()).isEqualTo("1980-02-31");
        assertThat(warnings.get(0).get("reason").asString()).isEqualTo("bad date: left empty");
        JsonNode errors = json(this.http.get("/api/v1/contact-imports/" + id + "/errors", "X-API-Key", this.key));
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("value").asString()).isEqualTo("bad-number");
        HttpResponse<String> report = this.http.get("/api/v1/contact-imports/" + id + "/rejections", "X-API-Key",
                this.key);
        assertThat(report.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
        assertThat(report.body()).startsWith("line,column,value,reason,outcome")
            .contains("3,phone,bad-number,not a phone number,row rejected")
            .contains("4,birth_date,1980-02-31,bad date: left empty,imported with a warning");
    }

    @Test
    void aFileThatIsNotCsvIsRefusedWithAProblem() {
        HttpResponse<String> upload = this.http.upload("/api/v1/contact-imports", "photo.png",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }, null, "X-API-Key", this.key);

        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(json(upload).get("detail").asString()).contains("image").contains("Nothing was imported");
    }

    @Test
    void listsAndSegmentsAreManagedAndCounted() {
        HttpResponse<String> list = this.http.postJson("/api/v1/lists",
                "{\"name\":\"API list " + System.nanoTime() + "\"}", "X-API-Key", this.key);
        assertThat(list.statusCode()).isEqualTo(201);
        long listId = json(list).get("id").asLong();
        long contact = json(
                this.http.postJson("/api/v1/contacts", "{\"phone\":\"" + uniqueNumber() + "\"}", "X-API-Key", this.key))
            .get("id")
            .asLong();
        assertThat(json(this.http.postJson("/api/v1/lists/" + listId + "/members", "{\"contactIds\":[" + contact + "]}",
                "X-API-Key", this.key))
            .get("changed")
            .asInt()).isEqualTo(1);

        String rule = "{\"type\":\"group\",\"combinator\":\"ALL\",\"criteria\":[{\"type\":\"condition\","
                + "\"field\":\"LIST\",\"operator\":\"IN\",\"values\":[\"" + listId + "\"]}]}";
        HttpResponse<String> preview = this.http.postJson("/api/v1/segments/preview", rule, "X-API-Key", this.key);
        assertThat(json(preview).get("count").get("reachable").asLong()).isEqualTo(1);
        HttpResponse<String> segment = this.http.postJson("/api/v1/segments",
                "{\"name\":\"API segment " + System.nanoTime() + "\",\"rule\":" + rule + "}", "X-API-Key", this.key);
        assertThat(segment.statusCode()).isEqualTo(201);
        long segmentId = json(segment).get("id").asLong();
        assertThat(this.http.get("/api/v1/segments/" + segmentId + "/count", "X-API-Key", this.key).body())
            .isEqualTo("{\"matching\":1,\"reachable\":1,\"landlines\":0}");
        HttpResponse<String> export = this.http.get("/api/v1/contacts/export?segment=" + segmentId, "X-API-Key",
                this.key);
        assertThat(export.body().lines().count()).isEqualTo(2);
        assertThat(export.body()).startsWith("phone,first_name,last_name");

        HttpResponse<String> broken = this.http.postJson("/api/v1/segments/preview",
                "{\"type\":\"condition\",\"field\":\"AGE\",\"operator\":\"BETWEEN\",\"values\":[\"20\"]}", "X-API-Key",
                this.key);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("detail").asString()).contains("takes 2 values");
    }

    @Test
    void aManagerKeyReadsButCannotWrite() {
        String manager = this.apiKeys.create("reports-" + System.nanoTime(), Role.MANAGER, "test").token();

        assertThat(this.http.get("/api/v1/contacts?size=1", "X-API-Key", manager).statusCode()).isEqualTo(200);
        assertThat(this.http.get("/api/v1/segments", "X-API-Key", manager).statusCode()).isEqualTo(200);
        assertThat(
                this.http.postJson("/api/v1/contacts", "{\"phone\":\"" + uniqueNumber() + "\"}", "X-API-Key", manager)
                    .statusCode())
            .isEqualTo(403);
    }

}
