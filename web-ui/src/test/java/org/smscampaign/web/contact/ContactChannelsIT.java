package org.smscampaign.web.contact;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.contact.ConsentChannel;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.PreferredChannel;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's channels over REST (preferred channel, WhatsApp opt-in with its proof), and
 * a STOP on WhatsApp stopping every channel.
 */
@PlatformIT
class ContactChannelsIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    SignatureKey signatureKey;

    @Autowired
    ContactManagement contacts;

    @Autowired
    MessageGateway gateway;

    @Autowired
    OptOuts optOuts;

    HttpFixture http;

    String key;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("channels-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    private static String uniqueNumber() {
        return "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private long create(String json) {
        HttpResponse<String> created = this.http.postJson("/api/v1/contacts", json, "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void theApiTakesThePreferredChannelAndTheWhatsAppOptInWithItsProof() {
        String number = uniqueNumber();
        long id = create("""
                {"phone": "%s", "firstName": "Wanda", "preferredChannel": "WhatsApp",
                 "whatsappConsent": {"status": "OPTED_IN", "proof": "Opted in on the checkout page, order 88"}}"""
            .formatted(number));

        HttpResponse<String> read = this.http.get("/api/v1/contacts/" + id, "X-API-Key", this.key);
        assertThat(read.body()).contains("\"preferredChannel\":\"WHATSAPP\"")
            .contains("\"whatsappConsent\":\"OPTED_IN\"")
            .contains("\"channel\":\"WHATSAPP\"")
            .contains("Opted in on the checkout page, order 88");
        ContactDetails wanda = this.contacts.find(id).orElseThrow();
        assertThat(wanda.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(wanda.consentLog()).extracting((e) -> e.channel())
            .containsExactlyInAnyOrder(ConsentChannel.SMS, ConsentChannel.WHATSAPP);

        HttpResponse<String> updated = this.http.putJson("/api/v1/contacts/" + id, """
                {"phone": "%s", "firstName": "Wanda", "preferredChannel": "rcs"}""".formatted(number), "X-API-Key",
                this.key);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(this.contacts.find(id).orElseThrow().preferredChannel()).isEqualTo(PreferredChannel.RCS);
        assertThat(this.contacts.find(id).orElseThrow().whatsappConsent()).as("left as it is when not given")
            .isEqualTo(WhatsAppConsent.OPTED_IN);

        HttpResponse<String> withdrawn = this.http.postJson("/api/v1/contacts/" + id + "/whatsapp-consent",
                "{\"status\": \"OPTED_OUT\", \"proof\": \"Asked us by e-mail\"}", "X-API-Key", this.key);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        ContactDetails after = this.contacts.find(id).orElseThrow();
        assertThat(after.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
        assertThat(after.consent()).as("the SMS consent is its own").isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(after.consentLog().get(0).proof()).isEqualTo("Asked us by e-mail");
    }

    @Test
    void aBadChannelOrAnOptInWithoutProofIsRefusedWithTheReason() {
        HttpResponse<String> badChannel = this.http.postJson("/api/v1/contacts",
                "{\"phone\": \"%s\", \"preferredChannel\": \"pigeon\"}".formatted(uniqueNumber()), "X-API-Key",
                this.key);
        assertThat(badChannel.statusCode()).isEqualTo(400);
        assertThat(badChannel.body()).contains("preferred_channel").contains("unknown channel");

        String number = uniqueNumber();
        HttpResponse<String> noProof = this.http.postJson("/api/v1/contacts",
                "{\"phone\": \"%s\", \"whatsappConsent\": {\"status\": \"OPTED_IN\"}}".formatted(number), "X-API-Key",
                this.key);
        assertThat(noProof.statusCode()).isEqualTo(400);
        assertThat(noProof.body()).contains("how the person opted in");
        assertThat(this.contacts.findByPhoneNumber(number)).as("nothing half-made").isEmpty();
    }

    @Test
    void aStopOnWhatsAppSuppressesTheNumberEndsBothConsentsAndWithdrawsItsQueuedSms() {
        String number = uniqueNumber();
        long id = create("""
                {"phone": "%s", "preferredChannel": "WHATSAPP",
                 "whatsappConsent": {"status": "OPTED_IN", "proof": "WhatsApp box ticked in store"}}"""
            .formatted(number));
        long queued = this.gateway
            .enqueue(List.of(MessageRequest.sms("stop-test-" + number, "default", number, "Sale tomorrow", 1,
                    Instant.now().plus(Duration.ofHours(2)), new Attribution(null, id, null))))
            .values()
            .iterator()
            .next();

        receive("whatsapp:" + number, "STOP");

        await(() -> this.contacts.find(id).orElseThrow().whatsappConsent() == WhatsAppConsent.OPTED_OUT);
        assertThat(this.optOuts.isSuppressed(number)).isTrue();
        ContactDetails stopped = this.contacts.find(id).orElseThrow();
        assertThat(stopped.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(stopped.consentLog()).filteredOn((e) -> e.channel() == ConsentChannel.WHATSAPP)
            .first()
            .satisfies((e) -> assertThat(e.proof()).startsWith("\"STOP\" received on WhatsApp at "));
        await(() -> this.gateway.find(queued).orElseThrow().status() == MessageStatus.SUPPRESSED);
        assertThat(this.gateway.find(queued).orElseThrow().sentAt()).as("never sent").isNull();
    }

    @Test
    void aStopOnRcsSuppressesTheBareNumberToo() {
        String number = uniqueNumber();
        long id = create("{\"phone\": \"%s\"}".formatted(number));

        receive("rcs:" + number, "STOP");

        await(() -> this.contacts.find(id).orElseThrow().consent() == ConsentStatus.UNSUBSCRIBED);
        assertThat(this.optOuts.isSuppressed(number)).isTrue();
        assertThat(this.contacts.find(id).orElseThrow().whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
    }

    @Test
    void aStartOnWhatsAppIsAWhatsAppOptInOnlyAndLiftsNoBlock() {
        String number = uniqueNumber();
        long id = create("{\"phone\": \"%s\"}".formatted(number));
        receive(number, "STOP");
        await(() -> this.contacts.find(id).orElseThrow().consent() == ConsentStatus.UNSUBSCRIBED);

        receive("whatsapp:" + number, "START");

        await(() -> this.contacts.find(id).orElseThrow().whatsappConsent() == WhatsAppConsent.OPTED_IN);
        assertThat(this.contacts.find(id).orElseThrow().consent()).as("still unsubscribed from SMS")
            .isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(this.optOuts.isSuppressed(number)).as("only a START by SMS lifts the block").isTrue();

        receive("whatsapp:" + number, "STOP");
        await(() -> this.contacts.find(id).orElseThrow().whatsappConsent() == WhatsAppConsent.OPTED_OUT);
    }

    @Test
    void withdrawingTheWhatsAppOptInFailsItsWaitingWhatsAppMessagesOnly() {
        String number = uniqueNumber();
        long id = create("""
                {"phone": "%s", "whatsappConsent": {"status": "OPTED_IN", "proof": "Ticked at checkout"}}"""
            .formatted(number));
        Instant later = Instant.now().plus(Duration.ofHours(2));
        long whatsApp = this.gateway
            .enqueue(List.of(new MessageRequest(null, "wa-withdraw-" + number, Channel.WHATSAPP, "whatsapp", number,
                    "Your order is on its way", 1, later, null, new Attribution(null, id, null), List.of())))
            .values()
            .iterator()
            .next();
        long sms = this.gateway.enqueue(List.of(MessageRequest.sms("sms-withdraw-" + number, "default", number,
                "Sale tomorrow", 1, later, new Attribution(null, id, null))))
            .values()
            .iterator()
            .next();

        HttpResponse<String> withdrawn = this.http.postJson("/api/v1/contacts/" + id + "/whatsapp-consent",
                "{\"status\": \"OPTED_OUT\", \"proof\": \"Asked us by phone\"}", "X-API-Key", this.key);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

        await(() -> this.gateway.find(whatsApp).orElseThrow().status() == MessageStatus.FAILED);
        assertThat(this.gateway.find(whatsApp).orElseThrow().errorDetail()).isEqualTo("WhatsApp opt-in withdrawn");
        assertThat(this.gateway.find(sms).orElseThrow().status()).as("SMS consent is its own")
            .isEqualTo(MessageStatus.QUEUED);
        HttpResponse<String> laundered = this.http.postJson("/api/v1/contacts/" + id + "/whatsapp-consent",
                "{\"status\": \"NONE\"}", "X-API-Key", this.key);
        assertThat(laundered.statusCode()).as("an opt-out is not erased to 'not given'").isEqualTo(409);
    }

    private void receive(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("From", from);
        form.put("To", from.startsWith("whatsapp:") ? "whatsapp:+14155238886" : "+15005550006");
        form.put("Body", body);
        HttpResponse<String> response = this.http.postSignedByTwilio("/webhooks/twilio/inbound", null, form,
                this.signatureKey.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

}
