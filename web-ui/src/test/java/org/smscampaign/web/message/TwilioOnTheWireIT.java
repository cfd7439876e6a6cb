package org.smscampaign.web.message;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.testsupport.twilio.TwilioContract;
import org.smscampaign.testsupport.twilio.TwilioStub;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smscampaign.web.message.TwilioOnTheWire.TWILIO;
import static org.smscampaign.web.message.TwilioOnTheWire.awaitCreates;

/**
 * Every route that sends, at full stack with Twilio as the provider (played on loopback):
 * each request Twilio receives follows Twilio's OpenAPI description field by field, on
 * the channel of its sender (To and From prefixes, RCS through its Messaging Service,
 * templates as ContentSid and ContentVariables).
 */
@PlatformIT
class TwilioOnTheWireIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ORDER_UPDATE = TwilioStub.APPROVED_TEMPLATE;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        TwilioOnTheWire.properties(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ContactLists lists;

    HttpFixture http;

    String key;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("wire-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    static String number() {
        return "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private HttpResponse<String> send(String json) {
        return this.http.postJson("/api/v1/messages", json, "X-API-Key", this.key);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void theApiSendsSmsWhatsAppTemplatesAndRcsEachInTwiliosShape() {
        String sms = number();
        String whatsApp = number();
        String rcs = number();

        HttpResponse<String> text = send("""
                {"to": "%s", "body": "Your code is 4711", "sender": "default"}""".formatted(sms));
        HttpResponse<String> template = send("""
                {"to": "%s", "sender": "whatsapp", "template": {"sid": "%s",
                 "variables": {"1": "Anna", "2": "https://go.brand.example/Ab3xK9q"}}}""".formatted(whatsApp,
                ORDER_UPDATE));
        HttpResponse<String> onRcs = send("""
                {"to": "%s", "body": "Your order ships today", "sender": "rcs"}""".formatted(rcs));

        assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
        assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        assertThat(onRcs.statusCode()).as(onRcs.body()).isEqualTo(201);
        assertThat(json(text).get("message").get("channel").asString()).isEqualTo("SMS");
        assertThat(json(template).get("message").get("channel").asString()).as("recorded on its real channel")
            .isEqualTo("WHATSAPP");
        assertThat(json(template).get("message").get("body").asString())
            .isEqualTo("Hi Anna, your order is on its way. Track it here: https://go.brand.example/Ab3xK9q");
        assertThat(json(onRcs).get("message").get("channel").asString()).isEqualTo("RCS");

        Map<String, String> smsRequest = awaitCreates(sms).get(0);
        TwilioContract.assertChannel(smsRequest, "sms");
        assertThat(smsRequest).containsEntry("From", "+15005550006").containsEntry("Body", "Your code is 4711");

        Map<String, String> templateRequest = awaitCreates("whatsapp:" + whatsApp).get(0);
        TwilioContract.assertChannel(templateRequest, "whatsapp");
        assertThat(templateRequest).containsEntry("From", "whatsapp:+14155238886")
            .containsEntry("ContentSid", ORDER_UPDATE)
            .doesNotContainKey("Body");
        assertThat(JSON.readTree(templateRequest.get("ContentVariables")).toString())
            .isEqualTo("{\"1\":\"Anna\",\"2\":\"https://go.brand.example/Ab3xK9q\"}");

        Map<String, String> rcsRequest = awaitCreates("rcs:" + rcs).get(0);
        TwilioContract.assertChannel(rcsRequest, "rcs");
        assertThat(rcsRequest).containsEntry("MessagingServiceSid", "MG0000000000000000000000000000ca5c")
            .containsEntry("Body", "Your order ships today");
        assertThat(TWILIO.createsTo(rcs)).as("never an SMS on its own").isEmpty();
    }

    @Test
    void freeTextOnWhatsAppGoesOnlyWithinTheCustomerWindow() {
        String to = number();
        String body = """
                {"to": "%s", "body": "Thanks for writing! Your parcel left today.", "sender": "whatsapp"}"""
            .formatted(to);

        HttpResponse<String> refused = send(body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("type").asString()).isEqualTo("/problems/outside-customer-window");
        assertThat(json(refused).get("detail").asString()).contains("24 hours");

        // The person writes to us on WhatsApp (a signed inbound webhook): the window
        // opens.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()) + "00000000000000000");
        form.put("AccountSid", TwilioStub.ACCOUNT);
        form.put("From", "whatsapp:" + to);
        form.put("To", "whatsapp:+14155238886");
        form.put("Body", "Where is my parcel?");
        assertThat(this.http.postSignedByTwilio("/webhooks/twilio/inbound", null, form, TwilioOnTheWire.AUTH_TOKEN)
            .statusCode()).isEqualTo(200);

        HttpResponse<String> sent = send(body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        Map<String, String> request = awaitCreates("whatsapp:" + to).get(0);
        TwilioContract.assertChannel(request, "whatsapp");
        assertThat(request).containsEntry("Body", "Thanks for writing! Your parcel left today.")
            .doesNotContainKey("ContentSid");
        assertThat(TWILIO.createsTo("whatsapp:" + to)).as("the refused one never went out").hasSize(1);
    }

    @Test
    void templatesComeFromTheContentApiAndOnlyApprovedOnesGoOut() {
        HttpResponse<String> listed = this.http.get("/api/v1/templates", "X-API-Key", this.key);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode templates = json(listed);
        assertThat(templates.findValuesAsString("name")).containsExactly("flash_offer", "loyalty_points",
                "order_update");
        assertThat(templates.findValuesAsString("approval")).containsExactly("REJECTED", "PENDING", "APPROVED");
        assertThat(templates.get(2).get("variables").toString()).isEqualTo("[\"1\",\"2\"]");

        String to = number();
        HttpResponse<String> pending = send("""
                {"to": "%s", "sender": "whatsapp", "template": {"sid": "%s", "variables": {"1": "Anna", "2": "5"}}}"""
            .formatted(to, TwilioStub.PENDING_TEMPLATE));
        HttpResponse<String> unknown = send("""
                {"to": "%s", "sender": "whatsapp", "template": {"sid": "HX00000000000000000000000000000000"}}"""
            .formatted(to));
        HttpResponse<String> missing = send("""
                {"to": "%s", "sender": "whatsapp", "template": {"sid": "%s", "variables": {"1": "Anna"}}}"""
            .formatted(to, ORDER_UPDATE));
        HttpResponse<String> onSms = send("""
                {"to": "%s", "sender": "default", "template": {"sid": "%s", "variables": {"1": "A", "2": "B"}}}"""
            .formatted(to, ORDER_UPDATE));

        assertThat(pending.statusCode()).isEqualTo(422);
        assertThat(json(pending).get("type").asString()).isEqualTo("/problems/template-not-approved");
        assertThat(json(pending).get("detail").asString()).contains("loyalty_points").contains("pending");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).get("type").asString()).isEqualTo("/problems/template-not-approved");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("detail").asString()).contains("{{2}}");
        assertThat(onSms.statusCode()).isEqualTo(400);
        assertThat(TWILIO.createsTo("whatsapp:" + to)).isEmpty();
    }

    @Test
    void theMessagesPageSendsTemplatesAndTextOnTheSendersChannel() {
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        String whatsApp = number();
        String sms = number();

        HttpResponse<String> template = this.http.post("/messages",
                "to=" + HttpFixture.encode(whatsApp) + "&sender=whatsapp&template=" + ORDER_UPDATE + "&body="
                        + "&variable." + ORDER_UPDATE + ".1=Jonas&variable." + ORDER_UPDATE + ".2="
                        + HttpFixture.encode("https://go.brand.example/Zz9") + "&_csrf="
                        + this.http.csrfToken("/messages"));
        HttpResponse<String> text = this.http.post("/messages", "to=" + HttpFixture.encode(sms)
                + "&sender=default&template=&body=Hello+from+the+page&_csrf=" + this.http.csrfToken("/messages"));
        HttpResponse<String> outside = this.http.post("/messages", "to=" + HttpFixture.encode(number())
                + "&sender=whatsapp&template=&body=Hi&_csrf=" + this.http.csrfToken("/messages"));

        assertThat(template.statusCode()).as(template.body()).isEqualTo(302);
        assertThat(text.statusCode()).isEqualTo(302);
        Map<String, String> templateRequest = awaitCreates("whatsapp:" + whatsApp).get(0);
        TwilioContract.assertChannel(templateRequest, "whatsapp");
        assertThat(templateRequest).containsEntry("ContentSid", ORDER_UPDATE)
            .containsEntry("ContentVariables", "{\"1\":\"Jonas\",\"2\":\"https://go.brand.example/Zz9\"}");
        TwilioContract.assertChannel(awaitCreates(sms).get(0), "sms");
        assertThat(outside.statusCode()).as("the form again, with a friendly error").isEqualTo(200);
        assertThat(outside.body()).contains("has not written to you on WhatsApp in the last 24 hours");
    }

    private long contact(String phone) {
        HttpResponse<String> contact = this.http.postJson("/api/v1/contacts", """
                {"phone":"%s","firstName":"Anna","consent":"SUBSCRIBED","consentProof":"shop sign-up"}"""
            .formatted(phone), "X-API-Key", this.key);
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        return json(contact).get("id").asLong();
    }

    private long campaign(String sender, String phone) {
        long list = this.lists.create("Wire " + System.nanoTime(), null).id();
        this.lists.add(list, List.of(contact(phone)));
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", """
                {"name":"Wire %d","sender":"%s","audience":{"lists":[%d]},"optOutLine":true,"holdoutPercent":0,
                 "attributionDays":7,"evaluationDays":7,
                 "variants":[{"label":"A","body":"Hi {{first_name|there}}, boots are 30%% off today.","split":100}]}"""
            .formatted(System.nanoTime(), sender, list), "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    @Test
    void aCampaignsTestSendAndLaunchGoOutOnItsSendersChannel() {
        String tester = number();
        long sms = campaign("default", number());
        HttpResponse<String> test = this.http.postJson("/api/v1/campaigns/" + sms + "/test",
                "{\"number\":\"" + tester + "\"}", "X-API-Key", this.key);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
        Map<String, String> testRequest = awaitCreates(tester).get(0);
        TwilioContract.assertChannel(testRequest, "sms");
        assertThat(testRequest.get("Body")).startsWith("Hi there, boots are 30% off today.");

        String smsRecipient = number();
        long launched = campaign("default", smsRecipient);
        String rcsRecipient = number();
        long onRcs = campaign("rcs", rcsRecipient);
        for (long id : List.of(launched, onRcs)) {
            HttpResponse<String> launch = this.http.postJson("/api/v1/campaigns/" + id + "/launch", "{}", "X-API-Key",
                    this.key);
            assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
        }
        Map<String, String> smsRequest = awaitCreates(smsRecipient).get(0);
        TwilioContract.assertChannel(smsRequest, "sms");
        assertThat(smsRequest.get("Body")).startsWith("Hi Anna, boots are 30% off today.");
        Map<String, String> rcsRequest = awaitCreates("rcs:" + rcsRecipient).get(0);
        TwilioContract.assertChannel(rcsRequest, "rcs");
        assertThat(rcsRequest.get("Body")).startsWith("Hi Anna, boots are 30% off today.");

        // Free text from the WhatsApp sender to someone who never wrote: refused, not
        // SMS.
        String stranger = number();
        long onWhatsApp = campaign("whatsapp", number());
        HttpResponse<String> refused = this.http.postJson("/api/v1/campaigns/" + onWhatsApp + "/test",
                "{\"number\":\"" + stranger + "\"}", "X-API-Key", this.key);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("type").asString()).isEqualTo("/problems/outside-customer-window");
        assertThat(TWILIO.createsTo(stranger)).isEmpty();
    }

    @Test
    void aCascadeCampaignSendsEachStepInItsChannelsShape() {
        String phone = number();
        HttpResponse<String> contact = this.http.postJson("/api/v1/contacts", """
                {"phone":"%s","firstName":"Anna","consent":"SUBSCRIBED","consentProof":"shop sign-up",
                 "whatsappConsent":{"status":"OPTED_IN","proof":"WhatsApp box at checkout"}}""".formatted(phone),
                "X-API-Key", this.key);
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        long list = this.lists.create("Wire cascade " + System.nanoTime(), null).id();
        this.lists.add(list, List.of(json(contact).get("id").asLong()));
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", """
                {"name":"Wire cascade %d","sender":"default","audience":{"lists":[%d]},"optOutLine":true,
                 "holdoutPercent":0,"attributionDays":7,"evaluationDays":7,
                 "variants":[{"label":"A","body":"Hi {{first_name|there}}, boots are 30%% off today.","split":100}],
                 "cascade":{"order":"MANUAL","steps":[
                   {"sender":"whatsapp","timeoutMinutes":60,"deliveredWhen":"DELIVERED",
                    "template":{"sid":"%s","variables":{"1":"{{first_name|there}}","2":"https://shop.example/boots"}}},
                   {"sender":"rcs","timeoutMinutes":60,"body":"Hi {{first_name|there}}, boots: 30%% off today."},
                   {"sender":"default","timeoutMinutes":60}]}}""".formatted(System.nanoTime(), list, ORDER_UPDATE),
                "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long campaign = json(created).get("id").asLong();
        HttpResponse<String> launch = this.http.postJson("/api/v1/campaigns/" + campaign + "/launch", "{}", "X-API-Key",
                this.key);
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);

        // Step 1, WhatsApp: the approved template, no free text.
        Map<String, String> whatsApp = awaitCreates("whatsapp:" + phone).get(0);
        TwilioContract.assertCreateRequest(whatsApp);
        TwilioContract.assertChannel(whatsApp, "whatsapp");
        assertThat(whatsApp).containsEntry("ContentSid", ORDER_UPDATE).doesNotContainKey("Body");
        assertThat(JSON.readTree(whatsApp.get("ContentVariables")).get("1").asString()).isEqualTo("Anna");
        // Not on WhatsApp (63003): the cascade hands over to RCS, its own text.
        fail(whatsApp, 63003);
        Map<String, String> rcs = awaitCreates("rcs:" + phone).get(0);
        TwilioContract.assertCreateRequest(rcs);
        TwilioContract.assertChannel(rcs, "rcs");
        assertThat(rcs).containsEntry("Body", "Hi Anna, boots: 30% off today.").doesNotContainKey("ContentSid");
        // Not RCS-capable either: SMS, the campaign's text with its opt-out line.
        fail(rcs, 63003);
        Map<String, String> sms = awaitCreates(phone).get(0);
        TwilioContract.assertCreateRequest(sms);
        TwilioContract.assertChannel(sms, "sms");
        assertThat(sms.get("Body")).startsWith("Hi Anna, boots are 30% off today.").contains("STOP");
        assertThat(TWILIO.createsTo("whatsapp:" + phone)).as("each channel once").hasSize(1);
        assertThat(TWILIO.createsTo("rcs:" + phone)).hasSize(1);
    }

    /** Twilio's status callback for a message it took: failed with the error code. */
    private void fail(Map<String, String> request, int errorCode) {
        String callback = request.get("StatusCallback");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioStub.ACCOUNT);
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()) + "0000000000000000000");
        form.put("MessageStatus", "failed");
        form.put("ErrorCode", Integer.toString(errorCode));
        form.put("To", request.get("To"));
        HttpResponse<String> answered = this.http.postSignedByTwilio(java.net.URI.create(callback).getRawPath(),
                callback, form, TwilioOnTheWire.AUTH_TOKEN);
        assertThat(answered.statusCode()).as(answered.body()).isLessThan(300);
    }

}
