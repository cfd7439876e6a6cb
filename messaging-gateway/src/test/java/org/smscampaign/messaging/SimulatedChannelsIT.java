package org.smscampaign.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.MessagingIT;
import org.smscampaign.messaging.provider.SignatureKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smscampaign.messaging.Fixtures.await;
import static org.smscampaign.messaging.Fixtures.campaign;
import static org.smscampaign.messaging.Fixtures.key;
import static org.smscampaign.messaging.Fixtures.number;

/**
 * WhatsApp and RCS through the simulator: reachability per number (63003), the 24-hour
 * window (63016), template approval (21655, 63040), read receipts, prices per message;
 * read receipts from the provider's status callbacks.
 */
@MessagingIT
class SimulatedChannelsIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    static final String ORDER_UPDATE = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    @LocalServerPort
    int port;

    @Autowired
    MessageGateway gateway;

    @Autowired
    ProviderSimulator simulator;

    @Autowired
    SignatureKey key;

    @Autowired
    JdbcClient jdbc;

    Webhooks webhooks;

    @BeforeEach
    void webhooks() {
        this.webhooks = new Webhooks(this.port, this.key.token());
    }

    private long enqueue(Channel channel, String sender, String to, String body, TemplateContent template) {
        MessageRequest request = new MessageRequest(null, key(), channel, sender, to, body, SmsText.of(body).segments(),
                Instant.now(), null, new Attribution(campaign(), 3L, "A"), List.of(), template, List.of());
        return this.gateway.enqueue(List.of(request)).get(request.idempotencyKey());
    }

    private MessageView awaitFinal(long id) {
        await(WAIT, "message " + id + " final", () -> this.gateway.find(id).orElseThrow().status().terminal());
        return this.gateway.find(id).orElseThrow();
    }

    private static String endingIn(String digit) {
        return number().substring(0, 13) + digit;
    }

    private static TemplateContent template(String sid) {
        return new TemplateContent(sid, "{\"1\":\"Anna\",\"2\":\"https://go.brand.example/Ab3xK9q\"}");
    }

    @Test
    void aTemplateOnWhatsAppIsDeliveredThenReadAndPricedPerMessage() {
        String to = endingIn("1");
        String longText = "Hi Anna, your order is on its way. Track it here: https://go.brand.example/Ab3xK9q "
                + "x".repeat(200);
        long id = enqueue(Channel.WHATSAPP, "whatsapp", to, longText, template(ORDER_UPDATE));

        assertThat(awaitFinal(id).status()).isEqualTo(MessageStatus.DELIVERED);
        await(WAIT, "read receipt", () -> this.gateway.find(id).orElseThrow().readAt() != null);

        Map<String, Object> record = this.jdbc
            .sql("select channel, content_sid, to_number, price from simulator_message where message_id = :id")
            .param("id", id)
            .query()
            .singleRow();
        assertThat(record).containsEntry("channel", "WHATSAPP")
            .containsEntry("content_sid", ORDER_UPDATE)
            .containsEntry("to_number", "whatsapp:" + to);
        assertThat((java.math.BigDecimal) record.get("price")).as("WhatsApp to DE, one message whatever its length")
            .isEqualByComparingTo("0.0600");
        assertThat(this.gateway.history(id)).anyMatch((event) -> "read by the recipient".equals(event.detail()));
    }

    @Test
    void numbersEndingIn9AreOnNeitherWhatsAppNorRcs() {
        long whatsApp = enqueue(Channel.WHATSAPP, "whatsapp", endingIn("9"), "Hi", template(ORDER_UPDATE));
        long rcs = enqueue(Channel.RCS, "rcs", endingIn("9"), "Hi from RCS", null);
        long rcsOk = enqueue(Channel.RCS, "rcs", endingIn("3"), "Hi from RCS", null);

        assertThat(awaitFinal(whatsApp)).extracting(MessageView::status, MessageView::errorCode)
            .containsExactly(MessageStatus.FAILED, 63003);
        assertThat(awaitFinal(rcs)).extracting(MessageView::status, MessageView::errorCode)
            .containsExactly(MessageStatus.FAILED, 63003);
        assertThat(awaitFinal(rcsOk).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(this.simulator.reachable(Channel.WHATSAPP, endingIn("9"))).isFalse();
        assertThat(this.simulator.reachable(Channel.SMS, endingIn("9"))).isTrue();
    }

    @Test
    void freeTextOnWhatsAppNeedsThePersonToHaveWrittenWithin24Hours() {
        String silent = endingIn("2");
        String wrote = endingIn("4");
        assertThat(this.webhooks.inbound("whatsapp:" + wrote, "Where is my order?", null).statusCode()).isEqualTo(200);

        long outside = enqueue(Channel.WHATSAPP, "whatsapp", silent, "Your order ships today", null);
        long inside = enqueue(Channel.WHATSAPP, "whatsapp", wrote, "Your order ships today", null);

        assertThat(awaitFinal(outside)).extracting(MessageView::status, MessageView::errorCode)
            .containsExactly(MessageStatus.FAILED, 63016);
        assertThat(awaitFinal(inside).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void aTemplateThatIsNotApprovedIsRefusedAtSend() {
        long unknown = enqueue(Channel.WHATSAPP, "whatsapp", endingIn("5"), "Hi",
                template("HX00000000000000000000000000000000"));
        long pending = enqueue(Channel.WHATSAPP, "whatsapp", endingIn("5"), "Hi",
                template("HX0a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        long rejected = enqueue(Channel.WHATSAPP, "whatsapp", endingIn("5"), "Hi",
                template("HX9f8e7d6c5b4a39281706f5e4d3c2b1a0"));

        assertThat(awaitFinal(unknown)).extracting(MessageView::status, MessageView::errorCode)
            .containsExactly(MessageStatus.FAILED, 21655);
        assertThat(awaitFinal(pending).errorCode()).isEqualTo(63040);
        assertThat(awaitFinal(rejected).errorCode()).isEqualTo(63040);
        assertThat(this.simulator.received(unknown)).as("refused at once: nothing taken").isZero();
    }

    @Test
    void aReadReceiptMarksDeliveredOnceAndALateDeliveredChangesNothing() {
        String to = endingIn("7");
        long id = enqueue(Channel.SMS, "fast", to, "Hi", null);
        MessageView delivered = awaitFinal(id);
        assertThat(delivered.readAt()).as("SMS reports no reads").isNull();

        // A message the channel reports read before any delivered receipt.
        long early = this.jdbc
            .sql("update outbound_message set status = 'SENT', final_at = null, read_at = null where id = :id "
                    + "returning id")
            .param("id", id)
            .query(Long.class)
            .single();
        assertThat(this.webhooks.status(early, "read", delivered.providerSid(), null).statusCode()).isEqualTo(200);
        MessageView read = this.gateway.find(id).orElseThrow();
        assertThat(read.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(read.readAt()).isNotNull();

        this.webhooks.status(id, "delivered", delivered.providerSid(), null);
        this.webhooks.status(id, "read", delivered.providerSid(), null);
        this.webhooks.status(id, "sent", delivered.providerSid(), null);
        MessageView after = this.gateway.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(after.readAt()).as("read once, never un-read").isEqualTo(read.readAt());
    }

}
