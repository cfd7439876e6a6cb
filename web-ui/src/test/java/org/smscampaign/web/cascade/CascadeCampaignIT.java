package org.smscampaign.web.cascade;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cascade campaigns end to end through the REST API and the simulator: WhatsApp first,
 * SMS as the last resort. Numbers ending in 9 are not on WhatsApp in the simulator
 * (63003).
 */
@PlatformIT
class CascadeCampaignIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    MessageGateway gateway;

    @Autowired
    OptOuts optOuts;

    @Autowired
    SignatureKey key;

    @Autowired
    JdbcClient jdbc;

    HttpFixture http;

    String apiKey;

    long list;

    @Autowired
    CampaignManagement campaigns;

    /**
     * Its drafts cancelled: other tests test-send "the newest draft" as an SMS campaign.
     */
    @AfterEach
    void cancelDrafts() {
        this.jdbc
            .sql("select id from campaign where status = 'DRAFT' and (name like 'Cascade E2E %' "
                    + "or name like 'Copy of Cascade E2E %')")
            .query(Long.class)
            .list()
            .forEach((id) -> this.campaigns.cancel(id, "test"));
    }

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.apiKey = this.apiKeys.create("cascade-" + System.nanoTime(), Role.MARKETER, "test").token();
        this.list = this.lists.create("Cascade E2E " + System.nanoTime(), null).id();
    }

    /** A German mobile number ending in the given digit (9: not on WhatsApp). */
    private static String number(int last) {
        return "+49176" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000) + last;
    }

    private long contact(String name, String number) {
        long id = this.contacts
            .create(new ContactInput(number, name, null, null, null, null, "DE", null, null, null, null, null,
                    Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "test", "test")
            .id();
        this.jdbc.sql("update contact set whatsapp_consent = 'OPTED_IN' where id = :id").param("id", id).update();
        this.lists.add(this.list, List.of(id));
        return id;
    }

    private JsonNode campaign(String deliveredWhen) {
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns",
                """
                        {"name":"Cascade E2E %d","sender":"default","audience":{"lists":[%d]},
                         "variants":[{"label":"A","body":"Hi {{first_name|there}}, your order ships today: {{link:https://shop.example/orders}}","split":100}],
                         "schedule":{"type":"NOW"},"windowPolicy":"HOLD","optOutLine":true,"holdoutPercent":0,
                         "attributionDays":7,"evaluationDays":7,
                         "cascade":{"order":"MANUAL","steps":[
                           {"sender":"whatsapp","timeoutMinutes":1,"deliveredWhen":"%s","body":null,
                            "template":{"sid":"HXb5b62575e6e4ff6129ad7c8efe1f983e",
                                        "variables":{"1":"{{first_name|there}}","2":"{{link:https://shop.example/orders}}"}}},
                           {"sender":"default","timeoutMinutes":60}]}}"""
                    .formatted(System.nanoTime(), this.list, deliveredWhen),
                "X-API-Key", this.apiKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private long launch(JsonNode campaign) {
        long id = campaign.get("id").asLong();
        HttpResponse<String> launched = this.http.postJson("/api/v1/campaigns/" + id + "/launch", "", "X-API-Key",
                this.apiKey);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
        return id;
    }

    private List<MessageView> messages(long campaign, long contact) {
        return this.gateway.search(new MessageSearch(campaign, null, null), 500)
            .stream()
            .filter((m) -> m.attribution().contactId() == contact)
            .sorted(java.util.Comparator.comparing(MessageView::id))
            .toList();
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Not within " + PATIENCE + ": " + what);
    }

    private MessageView awaitStatus(long campaign, long contact, Channel channel, MessageStatus status) {
        return await(channel + " " + status + " for contact " + contact,
                () -> messages(campaign, contact).stream()
                    .filter((m) -> m.channel() == channel && m.status() == status)
                    .findFirst()
                    .orElse(null));
    }

    @Test
    void whatsAppFirstSmsWhenNotOnWhatsAppAndTheNextCampaignSkipsIt() {
        long anna = contact("Anna", number(1));
        String ninesNumber = number(9);
        long nine = contact("Nico", ninesNumber);
        JsonNode created = campaign("DELIVERED");
        JsonNode cascade = created.get("draft").get("cascade");
        assertThat(cascade.get("order").asString()).isEqualTo("MANUAL");
        assertThat(cascade.get("steps").get(0).get("template").get("sid").asString())
            .isEqualTo("HXb5b62575e6e4ff6129ad7c8efe1f983e");
        assertThat(cascade.get("steps").get(1).get("deliveredWhen").asString()).isEqualTo("DELIVERED");

        long id = launch(created);

        MessageView annas = awaitStatus(id, anna, Channel.WHATSAPP, MessageStatus.DELIVERED);
        assertThat(annas.body()).startsWith("Hi Anna, your order is on its way. Track it here: ");
        MessageView failed = awaitStatus(id, nine, Channel.WHATSAPP, MessageStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo(63003);
        MessageView sms = awaitStatus(id, nine, Channel.SMS, MessageStatus.DELIVERED);
        assertThat(sms.body()).startsWith("Hi Nico, your order ships today: ").contains("STOP");
        assertThat(sms.chainStep()).isEqualTo(1);
        assertThat(messages(id, anna)).as("delivered on WhatsApp: nothing more").hasSize(1);

        HttpResponse<String> change = this.http.putJson("/api/v1/campaigns/" + id,
                JSON.writeValueAsString(created.get("draft")), "X-API-Key", this.apiKey);
        assertThat(change.statusCode()).as("no change to a launched cascade").isEqualTo(409);

        Instant now = Instant.now();
        assertThat(this.gateway.contactsMessagedBetween(now.minusSeconds(3600), now.plusSeconds(3600), 1))
            .as("the frequency cap counts his cascade")
            .contains(nine);
        assertThat(this.gateway.contactsMessagedBetween(now.minusSeconds(3600), now.plusSeconds(3600), 2))
            .as("once: two channels, one message to the person")
            .doesNotContain(nine);

        // Two days later (past the frequency cap), the next campaign.
        this.jdbc.sql("update outbound_message set due_at = due_at - interval '2 days' where campaign_id = :id")
            .param("id", id)
            .update();
        long next = launch(campaign("DELIVERED"));
        MessageView learned = awaitStatus(next, nine, Channel.SMS, MessageStatus.DELIVERED);
        assertThat(learned.chainStep()).as("WhatsApp skipped: SMS alone, a chain of one step").isEqualTo(0);
        assertThat(messages(next, nine)).hasSize(1);
    }

    @Test
    void notReadInTimeHandsOverToSmsUnlessAStopCameInOnWhatsApp() {
        long xena = contact("Xena", number(2));
        String yurisNumber = number(3);
        long yuri = contact("Yuri", yurisNumber);
        long id = launch(campaign("READ"));
        MessageView xenas = awaitStatus(id, xena, Channel.WHATSAPP, MessageStatus.DELIVERED);
        MessageView yuris = awaitStatus(id, yuri, Channel.WHATSAPP, MessageStatus.DELIVERED);

        inboundStop(yurisNumber);
        await("Yuri suppressed", () -> this.optOuts.isSuppressed(yurisNumber));
        // The step's minute has passed (the simulator's receipts never say "read").
        this.jdbc
            .sql("update outbound_message set sending_at = now() - interval '2 minutes' "
                    + "where id = any(cast(:ids as bigint[]))")
            .param("ids", new long[] { xenas.id(), yuris.id() })
            .update();

        MessageView sms = awaitStatus(id, xena, Channel.SMS, MessageStatus.DELIVERED);
        assertThat(sms.body()).startsWith("Hi Xena, your order ships today: ");
        await("Yuri's WhatsApp step handed on",
                () -> this.jdbc.sql("select chain_advanced from outbound_message where id = :id")
                    .param("id", yuris.id())
                    .query(Boolean.class)
                    .single());
        assertThat(messages(id, yuri)).as("the STOP on WhatsApp stopped the SMS step")
            .extracting(MessageView::channel)
            .containsExactly(Channel.WHATSAPP);
    }

    @Test
    void aCascadeThatCannotBeSentIsRefusedInWordsAndADuplicateKeepsIt() {
        String pending = campaign("DELIVERED").get("draft")
            .toString()
            .replace("HXb5b62575e6e4ff6129ad7c8efe1f983e", "HX0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        HttpResponse<String> refused = this.http.postJson("/api/v1/campaigns", pending, "X-API-Key", this.apiKey);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(problem.get("detail").asString())
            .isEqualTo("cascade: step 1: the template loyalty_points is not approved by WhatsApp (pending).");

        JsonNode original = campaign("READ");
        HttpResponse<String> copied = this.http
            .postJson("/api/v1/campaigns/" + original.get("id").asLong() + "/duplicate", "", "X-API-Key", this.apiKey);
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
        JsonNode copy = JSON.readTree(copied.body());
        assertThat(copy.get("name").asString()).isEqualTo("Copy of " + original.get("name").asString());
        assertThat(copy.get("draft").get("cascade")).isEqualTo(original.get("draft").get("cascade"));
    }

    /** A STOP from the person's WhatsApp, signed as Twilio signs its webhooks. */
    private void inboundStop(String number) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("From", "whatsapp:" + number);
        form.put("To", "whatsapp:+14155238886");
        form.put("Body", "STOP");
        assertThat(this.http.postSignedByTwilio("/webhooks/twilio/inbound", null, form, this.key.token()).statusCode())
            .isEqualTo(200);
    }

}
