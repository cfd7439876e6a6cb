package org.smscampaign.web.webhook;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outgoing webhooks end to end: a receiver on 127.0.0.1 gets real campaign events,
 * signed; failures are retried with growing waits and logged; disabled endpoints get
 * nothing; the test button delivers; addresses into our network are refused.
 */
@PlatformIT
@TestPropertySource(properties = { "sms.webhook.first-retry=300ms", "sms.webhook.max-retry=2s", "sms.webhook.jitter=0",
        "sms.webhook.poll-interval=100ms", "sms.webhook.max-attempts=4", "sms.webhook.connect-timeout=1s",
        "sms.webhook.read-timeout=1s" })
class WebhookDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    LocalReceiver receiver;

    HttpFixture http;

    String key;

    @BeforeEach
    void receiverAndAdmin() throws Exception {
        this.receiver = new LocalReceiver();
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("webhooks-it", Role.ADMIN, "test").token();
    }

    /**
     * Endpoints this test made: removed after it, so no later test's events queue for
     * them.
     */
    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void stopReceiver() {
        this.created.forEach((id) -> this.http.delete("/api/v1/admin/webhooks/" + id, "X-API-Key", this.key));
        this.receiver.close();
    }

    @Test
    void aLaunchedCampaignsEventArrivesSignedWithTheDocumentedBody() {
        JsonNode endpoint = create("/launches", "[\"campaign.launched\"]", true);
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

        long campaign = launchedCampaign("Webhook launch " + UUID.randomUUID());

        LocalReceiver.Received event = this.receiver.await("/launches", ofCampaign(campaign), WAIT);
        assertThat(event.header("Content-Type")).startsWith("application/json");
        assertThat(event.header("X-SMS-Event")).isEqualTo("campaign.launched");
        String deliveryId = event.header("X-SMS-Delivery");
        assertThat(UUID.fromString(deliveryId)).isNotNull();
        assertSigned(event, secret);

        JsonNode body = JSON.readTree(event.body());
        assertThat(body.propertyNames()).containsExactly("id", "type", "occurredAt", "campaign", "title", "data");
        assertThat(UUID.fromString(body.get("id").asString())).isNotNull();
        assertThat(body.get("type").asString()).isEqualTo("campaign.launched");
        assertThat(Instant.parse(body.get("occurredAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(body.get("campaign").get("id").asLong()).isEqualTo(campaign);
        assertThat(body.get("campaign").get("name").asString()).startsWith("Webhook launch");
        assertThat(body.get("title").asString()).contains("launched");
        assertThat(body.get("data").get("from").asString()).isEqualTo("DRAFT");
        assertThat(body.get("data").get("by").asString()).isEqualTo("demo-marketer");

        assertThat(this.receiver.on("/launches")).as("only the type it follows")
            .allSatisfy((r) -> assertThat(r.header("X-SMS-Event")).isEqualTo("campaign.launched"));
        JsonNode delivery = awaitDelivery(endpoint.get("id").asLong(), UUID.fromString(deliveryId),
                (d) -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivery.get("attempts")).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void anEndpointAnswering500TwiceIsRetriedWithGrowingWaitsAndEndsDelivered() {
        this.receiver.script("/flaky", 500, 500, 200);
        // Disabled: only its test event comes, not other tests' campaign events.
        JsonNode endpoint = create("/flaky", "[]", false);
        long id = endpoint.get("id").asLong();

        UUID deliveryId = UUID
            .fromString(postJson("/api/v1/admin/webhooks/" + id + "/test", "{}", 202).get("id").asString());

        JsonNode delivery = awaitDelivery(id, deliveryId, (d) -> d.get("status").asString().equals("DELIVERED"));
        JsonNode attempts = delivery.get("attempts");
        assertThat(attempts).hasSize(3);
        // Newest first: 3 delivered, 2 and 1 failed with the next attempt's time.
        assertThat(attempts.get(0).get("number").asInt()).isEqualTo(3);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(0).get("nextAttemptAt").isNull()).isTrue();
        for (int i = 1; i <= 2; i++) {
            assertThat(attempts.get(i).get("statusCode").asInt()).isEqualTo(500);
            assertThat(attempts.get(i).get("error").asString()).isEqualTo("HTTP 500: receiver is down");
            assertThat(attempts.get(i).get("nextAttemptAt").isNull()).isFalse();
            assertThat(attempts.get(i).get("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
        }
        Duration firstWait = Duration.between(Instant.parse(attempts.get(2).get("at").asString()),
                Instant.parse(attempts.get(2).get("nextAttemptAt").asString()));
        Duration secondWait = Duration.between(Instant.parse(attempts.get(1).get("at").asString()),
                Instant.parse(attempts.get(1).get("nextAttemptAt").asString()));
        assertThat(firstWait).isBetween(Duration.ofMillis(250), Duration.ofMillis(1000));
        assertThat(secondWait).as("doubled").isBetween(Duration.ofMillis(550), Duration.ofMillis(1300));

        List<LocalReceiver.Received> posts = this.receiver.on("/flaky");
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting((r) -> r.header("X-SMS-Delivery")).containsOnly(deliveryId.toString());
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(Duration.between(posts.get(1).at(), posts.get(2).at()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(550));
        posts.forEach((post) -> assertSigned(post, endpoint.get("secret").asString()));
    }

    @Test
    void afterTheLastAttemptADeliveryFailsAndRetryNowDeliversIt() {
        this.receiver.otherwise("/down", 503);
        JsonNode endpoint = create("/down", "[]", false);
        long id = endpoint.get("id").asLong();
        UUID deliveryId = UUID
            .fromString(postJson("/api/v1/admin/webhooks/" + id + "/test", "{}", 202).get("id").asString());

        JsonNode failed = awaitDelivery(id, deliveryId, (d) -> d.get("status").asString().equals("FAILED"));
        assertThat(failed.get("attempts")).hasSize(4);
        assertThat(failed.get("attempts").get(0).get("nextAttemptAt").isNull()).as("no attempt after the last")
            .isTrue();
        assertThat(failed.get("nextAttemptAt").isNull()).isTrue();

        this.receiver.otherwise("/down", 204);
        postJson("/api/v1/admin/webhooks/" + id + "/deliveries/" + deliveryId + "/retry", "{}", 200);
        JsonNode delivered = awaitDelivery(id, deliveryId, (d) -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivered.get("attempts")).hasSize(5);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(postJsonStatus("/api/v1/admin/webhooks/" + id + "/deliveries/" + deliveryId + "/retry"))
            .as("only a failed delivery is retried")
            .isEqualTo(409);
    }

    @Test
    void anAnswerWhoseBodyNeverEndsIsCutOffAndTriedAgain() {
        this.receiver.stall("/trickle");
        JsonNode endpoint = create("/trickle", "[]", false);
        long id = endpoint.get("id").asLong();
        UUID deliveryId = UUID
            .fromString(postJson("/api/v1/admin/webhooks/" + id + "/test", "{}", 202).get("id").asString());

        JsonNode delivery = awaitDelivery(id, deliveryId, (d) -> d.get("attempts").size() >= 1);

        assertThat(delivery.get("status").asString()).as("tried again, not stuck").isEqualTo("PENDING");
        assertThat(delivery.get("attempts").get(0).get("error").asString()).startsWith("No answer within");
        assertThat(delivery.get("attempts").get(0).get("latencyMillis").asLong()).isLessThan(5_000);
    }

    @Test
    void aDisabledEndpointGetsNothing() {
        JsonNode on = create("/on", "[]", true);
        JsonNode off = create("/off", "[]", false);

        long campaign = launchedCampaign("Webhook disabled " + UUID.randomUUID());

        this.receiver.await("/on", ofCampaign(campaign), WAIT);
        // One event's deliveries are written together: the enabled one's exists, so would
        // the other's.
        assertThat(get("/api/v1/admin/webhooks/" + off.get("id").asLong() + "/deliveries")).isEmpty();
        assertThat(get("/api/v1/admin/webhooks/" + on.get("id").asLong() + "/deliveries")).isNotEmpty();
        assertThat(this.receiver.on("/off")).isEmpty();
    }

    @Test
    void theTestButtonDeliversAWebhookTestEventAndShowsTheOutcome() {
        JsonNode endpoint = create("/button", "[\"campaign.completed\"]", false);
        long id = endpoint.get("id").asLong();
        this.http.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        String page = "/admin/webhooks/" + id;

        HttpResponse<String> posted = this.http.post(page + "/test", "_csrf=" + this.http.csrfToken(page));

        assertThat(posted.statusCode()).isEqualTo(302);
        LocalReceiver.Received test = this.receiver.await("/button", (r) -> true, WAIT);
        assertThat(test.header("X-SMS-Event")).isEqualTo("webhook.test");
        JsonNode body = JSON.readTree(test.body());
        assertThat(body.get("type").asString()).isEqualTo("webhook.test");
        assertThat(body.get("campaign").isNull()).isTrue();
        assertThat(body.get("data").get("requestedBy").asString()).isEqualTo("demo-admin");
        assertSigned(test, endpoint.get("secret").asString());
        String shown = this.http.get(page).body();
        assertThat(shown).contains("Test event delivered: the endpoint answered 200 in");
        assertThat(shown).contains("webhook.test").contains("Delivered");
    }

    @Test
    void addressesThatAreNotHttpsOrPointIntoOurNetworkAreRefusedWithAClearError() {
        assertRefused("http://hooks.example.com/events", "https://");
        assertRefused("https://169.254.169.254/latest/meta-data", "inside our network");
        assertRefused("https://10.1.2.3/hook", "inside our network");
        assertRefused("https://0xa9fea9fe/latest", "inside our network");
        assertRefused("https://hooks.example.com@127.0.0.1/hook", "user name or password");
        assertRefused("ftp://hooks.example.com/", "https://");

        HttpResponse<String> unknownType = this.http.postJson("/api/v1/admin/webhooks",
                "{\"url\":\"" + this.receiver.url("/x") + "\",\"eventTypes\":[\"campaign.exploded\"]}", "X-API-Key",
                this.key);
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.body()).contains("/problems/validation-failed", "Unknown event type");

        this.http.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        HttpResponse<String> form = this.http.post("/admin/webhooks",
                "url=" + HttpFixture.encode("https://192.168.0.10/hook") + "&scope=all&enabled=true&_csrf="
                        + this.http.csrfToken("/admin/webhooks"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("is-invalid").contains("inside our network");
        assertThat(get("/api/v1/admin/webhooks"))
            .noneSatisfy((e) -> assertThat(e.get("url").asString()).contains("192.168.0.10"));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        String marketer = this.apiKeys.create("webhooks-it-marketer", Role.MARKETER, "test").token();
        assertThat(this.http.get("/api/v1/admin/webhooks", "X-API-Key", marketer).statusCode()).isEqualTo(403);
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        assertThat(this.http.get("/admin/webhooks").statusCode()).isEqualTo(403);
    }

    private void assertRefused(String url, String words) {
        HttpResponse<String> response = this.http.postJson("/api/v1/admin/webhooks", "{\"url\":\"" + url + "\"}",
                "X-API-Key", this.key);
        assertThat(response.statusCode()).as(url).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/webhook-url-refused");
        assertThat(problem.get("detail").asString()).as(url).contains(words);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("url");
    }

    /** The receiver's check, written independently of the platform's code. */
    private static void assertSigned(LocalReceiver.Received request, String secret) {
        String header = request.header("X-SMS-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(60);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of()
                .formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(v1).isEqualTo(expected);
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }

    private static Predicate<LocalReceiver.Received> ofCampaign(long campaign) {
        return (r) -> {
            JsonNode body = JSON.readTree(r.body());
            return body.get("type").asString().equals("campaign.launched") && body.get("campaign").isObject()
                    && body.get("campaign").get("id").asLong() == campaign;
        };
    }

    private JsonNode create(String path, String types, boolean enabled) {
        JsonNode endpoint = postJson("/api/v1/admin/webhooks",
                "{\"url\":\"" + this.receiver.url(path) + "\",\"description\":\"" + path + " receiver\",\"eventTypes\":"
                        + types + ",\"enabled\":" + enabled + "}",
                201);
        this.created.add(endpoint.get("id").asLong());
        return endpoint;
    }

    private JsonNode awaitDelivery(long endpoint, UUID delivery, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode current = null;
        while (Instant.now().isBefore(deadline)) {
            current = get("/api/v1/admin/webhooks/" + endpoint + "/deliveries/" + delivery);
            if (done.test(current)) {
                return current;
            }
            LocalReceiver.pause();
        }
        throw new AssertionError("Delivery " + delivery + " did not get there within " + WAIT + ": " + current);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = this.http.get(path, "X-API-Key", this.key);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode postJson(String path, String json, int status) {
        HttpResponse<String> response = this.http.postJson(path, json, "X-API-Key", this.key);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private int postJsonStatus(String path) {
        return this.http.postJson(path, "{}", "X-API-Key", this.key).statusCode();
    }

    /** A campaign to one fresh subscribed contact, launched by the demo marketer. */
    private long launchedCampaign(String name) {
        String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long contact = this.contacts
            .create(new ContactInput(number, "Webhook", "Recipient", null, "Berlin", null, "DE", null, null, "de", null,
                    null, null), ConsentStatus.SUBSCRIBED, ConsentSource.ADMIN, "test fixture", "test")
            .id();
        long list = this.lists.create(name + " list", "test fixture").id();
        this.lists.add(list, List.of(contact));
        CampaignDraft draft = new CampaignDraft(name, "default", null,
                new CampaignDraft.Audience(List.of(), List.of(list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", "Hi {{first_name|there}}, see {{link:https://shop.example/}}",
                        100)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, null,
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("5"))), 7, 7, List.of());
        long id = this.campaigns.create(draft, "demo-marketer").id();
        this.campaigns.launch(id, "demo-marketer");
        return id;
    }

}
