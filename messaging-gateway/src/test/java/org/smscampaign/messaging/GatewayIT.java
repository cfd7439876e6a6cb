package org.smscampaign.messaging;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
import static org.smscampaign.messaging.Fixtures.sms;

/**
 * The gateway end to end with the dispatcher running and the simulator as provider:
 * sending, receipts, retries, opt-outs, windows, cascades and webhooks.
 */
@MessagingIT
class GatewayIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    MessageGateway gateway;

    @Autowired
    ProviderSimulator simulator;

    @Autowired
    OptOuts optOuts;

    @Autowired
    Replies replies;

    @Autowired
    RecordedEvents events;

    @Autowired
    SignatureKey key;

    @Autowired
    CampaignMessageFigures figures;

    @Autowired
    org.smscampaign.messaging.pricing.PriceFetcher prices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Webhooks webhooks;

    @BeforeEach
    void webhooks() {
        this.webhooks = new Webhooks(this.port, this.key.token());
    }

    @AfterEach
    void normalWorld() {
        this.simulator.behave(SimulatorBehaviour.NORMAL);
        this.clock.reset();
    }

    private long enqueue(MessageRequest request) {
        return this.gateway.enqueue(List.of(request)).get(request.idempotencyKey());
    }

    private MessageStatus statusOf(long id) {
        return this.gateway.find(id).orElseThrow().status();
    }

    private void awaitStatus(long id, MessageStatus status) {
        await(WAIT, "message " + id + " " + status, () -> statusOf(id) == status);
    }

    @Test
    void aMessageIsSentOnceAndItsReceiptsMoveItToDelivered() {
        long campaign = campaign();
        long id = enqueue(sms("fast", number(), campaign));

        awaitStatus(id, MessageStatus.DELIVERED);

        assertThat(this.simulator.received(id)).isEqualTo(1);
        MessageView message = this.gateway.find(id).orElseThrow();
        assertThat(message.providerSid()).startsWith("SM");
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.estimatedCost()).as("the price table's German price, not the sender's 0.05")
            .isEqualByComparingTo("0.0865");
        // The provider's "sent" may arrive before the worker stored the provider's
        // answer: the history keeps the order things were recorded in, the status only
        // moves forward.
        assertThat(this.gateway.history(id)).extracting(MessageEventView::status)
            .containsExactlyInAnyOrder(MessageStatus.ACCEPTED, MessageStatus.SENT, MessageStatus.DELIVERED)
            .last()
            .isEqualTo(MessageStatus.DELIVERED);
        // The event follows the commit of the status, on the receipt's thread.
        await(WAIT, "the event of message " + id + " delivered",
                () -> this.events.of(MessageStatusChanged.class)
                    .stream()
                    .anyMatch((e) -> e.messageId() == id && e.status() == MessageStatus.DELIVERED));
        assertThat(this.events.of(MessageStatusChanged.class)).filteredOn((e) -> e.messageId() == id)
            .extracting(MessageStatusChanged::status)
            .contains(MessageStatus.SENT, MessageStatus.DELIVERED)
            .last()
            .isEqualTo(MessageStatus.DELIVERED);
        assertThat(this.events.of(MessageStatusChanged.class)).filteredOn((e) -> e.messageId() == id)
            .allMatch((e) -> e.attribution().equals(new Attribution(campaign, 7L, "A")));
    }

    @Test
    void aMessageCostsThePriceTheProviderStatesOnceItIsFinal() {
        long campaign = campaign();
        long id = enqueue(sms("fast", "+447400" + number().substring(6, 12), campaign));
        awaitStatus(id, MessageStatus.DELIVERED);
        assertThat(this.gateway.find(id).orElseThrow().estimatedCost()).as("the table's British price")
            .isEqualByComparingTo("0.0398");
        this.figures.refresh(campaign);
        assertThat(this.figures.of(campaign).costs()).singleElement()
            .satisfies((cost) -> assertThat(cost.source()).isEqualTo("ESTIMATE"));

        await(WAIT, "the simulator's price fetched", () -> {
            this.prices.fetch();
            return this.gateway.find(id).orElseThrow().price() != null;
        });

        MessageView priced = this.gateway.find(id).orElseThrow();
        assertThat(priced.price()).isEqualByComparingTo("0.0398");
        assertThat(priced.priceUnit()).isEqualTo("USD");
        this.figures.refresh(campaign);
        assertThat(this.figures.of(campaign).costs()).singleElement().satisfies((cost) -> {
            assertThat(cost.source()).isEqualTo("PROVIDER");
            assertThat(cost.amount()).isEqualByComparingTo("0.0398");
            assertThat(cost.currency()).isEqualTo("USD");
        });
    }

    @Test
    void enqueueingTheSameKeyAgainAddsNothing() {
        MessageRequest request = sms("fast", number(), campaign());
        Map<String, Long> first = this.gateway.enqueue(List.of(request));
        Map<String, Long> again = this.gateway.enqueue(List.of(request));

        assertThat(again).isEqualTo(first);
        awaitStatus(first.get(request.idempotencyKey()), MessageStatus.DELIVERED);
        assertThat(this.simulator.received(first.get(request.idempotencyKey()))).isEqualTo(1);
    }

    @Test
    void aBigEnqueueWithReservedIdsIsCopiedInAndStaysIdempotent() {
        long campaign = campaign();
        long[] ids = this.gateway.reserveIds(150);
        List<MessageRequest> requests = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            requests.add(new MessageRequest(ids[i], key(), Channel.SMS, "paced", number(), "Launch text " + i, 1,
                    Instant.now().plusSeconds(3600), SendWindow.daytime(ZoneId.of("Europe/Berlin")),
                    new Attribution(campaign, (long) i, "A"), List.of()));
        }

        Map<String, Long> first = this.gateway.enqueue(requests);
        Map<String, Long> again = this.gateway.enqueue(requests);

        assertThat(first.values()).containsExactlyElementsOf(java.util.Arrays.stream(ids).boxed().toList());
        assertThat(again).isEqualTo(first);
        assertThat(this.gateway.countsOfCampaign(campaign)).containsEntry(MessageStatus.QUEUED, 150L);
        MessageView one = this.gateway.find(ids[7]).orElseThrow();
        assertThat(one.body()).isEqualTo("Launch text 7");
        assertThat(one.estimatedCost()).as("priced by the table, as every queued message")
            .isEqualByComparingTo("0.0865");
        assertThat(one.attribution()).isEqualTo(new Attribution(campaign, 7L, "A"));
        this.gateway.cancel(campaign, "test");
    }

    @Test
    void aPacedSenderNeverSendsFasterThanItsPacePlusItsBurst() {
        List<MessageRequest> requests = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            requests.add(sms("paced", number(), campaign()));
        }
        List<Long> ids = new ArrayList<>(this.gateway.enqueue(requests).values());

        await(Duration.ofSeconds(20), "15 paced messages sent",
                () -> ids.stream().allMatch((id) -> this.simulator.received(id) == 1));

        List<Instant> received = this.jdbc
            .sql("select received_at from simulator_message where message_id = any(:ids) order by received_at")
            .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
            .query(Timestamp.class)
            .list()
            .stream()
            .map(Timestamp::toInstant)
            .toList();
        for (int i = 0; i < received.size(); i++) {
            Instant start = received.get(i);
            long inOneSecond = received.stream()
                .filter((at) -> !at.isBefore(start) && at.isBefore(start.plusSeconds(1)))
                .count();
            assertThat(inOneSecond).as("sent within one second from " + start).isLessThanOrEqualTo(5 + 1);
        }
        assertThat(Duration.between(received.get(0), received.get(14)))
            .as("15 segments at 5 per second, starting with a burst of 1")
            .isGreaterThanOrEqualTo(Duration.ofMillis(2600));
    }

    @Test
    void aStopArrivingWhileMessagesAreQueuedWithdrawsThemAndNothingMoreIsSent() {
        String phone = number();
        long campaign = campaign();
        List<MessageRequest> later = List.of(
                MessageRequest.sms(key(), "fast", phone, "First", 1, Instant.now().plusSeconds(3600),
                        new Attribution(campaign, 1L, "A")),
                MessageRequest.sms(key(), "fast", phone, "Second", 1, Instant.now().plusSeconds(7200),
                        new Attribution(campaign, 1L, "A")));
        List<Long> queued = new ArrayList<>(this.gateway.enqueue(later).values());

        HttpResponse<String> stop = this.webhooks.inbound(phone, "  Stop. ", null);

        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(queued).allMatch((id) -> statusOf(id) == MessageStatus.SUPPRESSED);
        assertThat(this.optOuts.isSuppressed(phone)).isTrue();
        assertThat(this.events.of(RecipientOptedOut.class)).anyMatch((e) -> e.phone().equals(phone));

        long afterwards = enqueue(sms("fast", phone, campaign));
        awaitStatus(afterwards, MessageStatus.SUPPRESSED);
        assertThat(this.simulator.received(afterwards)).isZero();
        assertThat(queued).allMatch((id) -> this.simulator.received(id) == 0);
    }

    @Test
    void keywordsInEveryCaseAndPunctuationOptOutInAndAskForHelp() {
        for (String body : List.of("STOP", "stop", " Stop! ", "UNSUBSCRIBE.", "cancel", "End", "quit", "Revoke",
                "optout", "StopAll")) {
            String phone = number();
            this.webhooks.inbound(phone, body, null);
            assertThat(this.optOuts.isSuppressed(phone)).as(body).isTrue();
        }
        String phone = number();
        this.webhooks.inbound(phone, "STOP", null);
        this.webhooks.inbound(phone, "start", null);
        assertThat(this.optOuts.isSuppressed(phone)).as("START opts in again").isFalse();
        assertThat(this.events.of(RecipientOptedIn.class)).anyMatch((e) -> e.phone().equals(phone));

        String provider = number();
        this.webhooks.inbound(provider, "Arrêt", "STOP");
        assertThat(this.optOuts.isSuppressed(provider)).as("the provider's OptOutType").isTrue();

        HttpResponse<String> help = this.webhooks.inbound(number(), "help", null);
        assertThat(help.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(help.body()).contains("<Response><Message>").contains("Reply STOP to opt out");
    }

    @Test
    void aReplyThatReadsLikeAnOptOutWaitsForReviewAndAnOptOutDecisionSuppresses() {
        String phone = number();
        long id = enqueue(sms("fast", phone, campaign()));
        awaitStatus(id, MessageStatus.DELIVERED);

        this.webhooks.inbound(phone, "Please stop texting me", null);
        this.webhooks.inbound(phone, "Thanks, see you Saturday!", null);

        assertThat(this.optOuts.isSuppressed(phone)).as("not by itself").isFalse();
        List<ReplyReceived> received = this.events.of(ReplyReceived.class)
            .stream()
            .filter((e) -> e.phone().equals(phone))
            .toList();
        assertThat(received).extracting(ReplyReceived::needsReview).containsExactly(true, false);
        assertThat(received).allMatch((e) -> e.messageId() == id);
        ReplyView waiting = this.replies.awaitingReview(500)
            .stream()
            .filter((r) -> r.from().equals(phone))
            .findFirst()
            .orElseThrow();
        assertThat(this.replies.review(waiting.id(), true, "reviewer")).isTrue();
        assertThat(this.replies.review(waiting.id(), false, "reviewer")).as("decided once").isFalse();
        assertThat(this.optOuts.isSuppressed(phone)).isTrue();
    }

    @Test
    void aReplyAfterAnAnswerFromThePlatformStillAnswersTheCampaign() {
        String phone = number();
        long campaign = campaign();
        long campaignMessage = enqueue(sms("fast", phone, campaign));
        awaitStatus(campaignMessage, MessageStatus.DELIVERED);
        long answer = enqueue(MessageRequest.sms(key(), "fast", phone, "Yes, size M is in stock", 1, Instant.now(),
                Attribution.NONE));
        awaitStatus(answer, MessageStatus.DELIVERED);

        this.webhooks.inbound(phone, "Great, thanks", null);

        ReplyReceived thanks = this.events.of(ReplyReceived.class)
            .stream()
            .filter((e) -> e.phone().equals(phone))
            .findFirst()
            .orElseThrow();
        assertThat(thanks.attribution().campaignId()).isEqualTo(campaign);
        assertThat(thanks.messageId()).isEqualTo(campaignMessage);
        assertThat(thanks.kind()).isEqualTo(ReplyKind.OTHER);
    }

    @Test
    void forgedCallbacksAreRefusedAndChangeNothingAndReplaysAreHarmless() {
        long id = enqueue(sms("fast", number(), campaign()));
        awaitStatus(id, MessageStatus.DELIVERED);
        String sid = this.gateway.find(id).orElseThrow().providerSid();
        int history = this.gateway.history(id).size();

        Map<String, String> undelivered = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode",
                "30003");
        assertThat(this.webhooks.post("/webhooks/twilio/status/" + id, undelivered, false).statusCode()).as("unsigned")
            .isEqualTo(403);
        assertThat(
                this.webhooks.post("/webhooks/twilio/status/" + id, undelivered, "bm90IGEgc2lnbmF0dXJl").statusCode())
            .as("forged")
            .isEqualTo(403);
        assertThat(this.webhooks.inbound(number(), "STOP", null).statusCode()).isEqualTo(200);
        assertThat(this.webhooks.post("/webhooks/twilio/inbound", Map.of("From", number(), "Body", "STOP"), false)
            .statusCode()).as("unsigned inbound").isEqualTo(403);

        HttpResponse<String> replay = this.webhooks.status(id, "delivered", sid, null);
        HttpResponse<String> late = this.webhooks.status(id, "sent", sid, null);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(statusOf(id)).isEqualTo(MessageStatus.DELIVERED);
        assertThat(this.gateway.history(id)).hasSize(history);
        assertThat(this.webhooks.status(987_654_321_012L, "delivered", "SMunknown", null).statusCode())
            .as("unknown messages get 200: the provider would retry otherwise")
            .isEqualTo(200);
    }

    @Test
    void aThrottlingStormFailsNothingAndEverythingGoesOutOnceAfterwards() {
        this.simulator.behave(SimulatorBehaviour.THROTTLE);
        List<MessageRequest> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(sms("fast", number(), campaign()));
        }
        List<Long> ids = new ArrayList<>(this.gateway.enqueue(requests).values());
        // Attempts are counted when a message is handed to the provider: each one is
        // awaited back in the queue after its second throttled attempt.
        await(WAIT, "throttled attempts",
                () -> ids.stream()
                    .map((id) -> this.gateway.find(id).orElseThrow())
                    .allMatch((message) -> message.attempts() >= 2 && message.status() == MessageStatus.QUEUED));

        assertThat(ids).allSatisfy((id) -> assertThat(this.gateway.history(id)).extracting(MessageEventView::status)
            .doesNotContain(MessageStatus.FAILED));
        assertThat(this.gateway.history(ids.get(0))).anyMatch((e) -> e.detail() != null && e.detail().contains("429"));

        this.simulator.behave(SimulatorBehaviour.NORMAL);
        await(Duration.ofSeconds(20), "all delivered after the storm",
                () -> ids.stream().allMatch((id) -> statusOf(id) == MessageStatus.DELIVERED));
        assertThat(ids).allMatch((id) -> this.simulator.received(id) == 1);
    }

    @Test
    void permanentErrorsFailAtOnceAndAnUnsubscribedNumberIsSuppressed() {
        // The simulator's unsubscribed number: another test may have listed it already.
        this.jdbc.sql("delete from suppression where phone = '+15005550004'").update();
        long invalid = enqueue(sms("fast", "+15005550001", campaign()));
        long unsubscribed = enqueue(sms("fast", "+15005550004", campaign()));

        awaitStatus(invalid, MessageStatus.FAILED);
        awaitStatus(unsubscribed, MessageStatus.FAILED);

        MessageView failed = this.gateway.find(invalid).orElseThrow();
        assertThat(failed.errorCode()).isEqualTo(21211);
        assertThat(failed.attempts()).as("never retried").isEqualTo(1);
        assertThat(this.gateway.find(unsubscribed).orElseThrow().errorCode()).isEqualTo(21610);
        assertThat(this.optOuts.isSuppressed("+15005550004")).isTrue();
    }

    @Test
    void anAmbiguousOutcomeIsNeverResentAndIsSettledByTheProvidersWord() {
        this.simulator.behave(SimulatorBehaviour.TIMEOUT);
        long id = enqueue(sms("fast", number(), campaign()));

        await(WAIT, "the outcome left open",
                () -> this.gateway.history(id).stream().anyMatch((e) -> e.status() == MessageStatus.UNKNOWN));
        this.simulator.behave(SimulatorBehaviour.NORMAL);
        awaitStatus(id, MessageStatus.DELIVERED);

        assertThat(this.simulator.received(id)).as("sent exactly once").isEqualTo(1);
        assertThat(this.gateway.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aSlowProviderIsWaitedForAndItsAnswerKept() {
        this.simulator.behave(SimulatorBehaviour.SLOW);
        long started = System.nanoTime();
        long id = enqueue(sms("fast", number(), campaign()));

        awaitStatus(id, MessageStatus.DELIVERED);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered after the provider's 5 s")
            .isGreaterThanOrEqualTo(SimulatorBehaviour.SLOW_ANSWER);
        assertThat(this.gateway.history(id)).extracting(MessageEventView::status)
            .as("a late answer within the request timeout is the real one")
            .doesNotContain(MessageStatus.UNKNOWN);
        assertThat(this.simulator.received(id)).as("sent exactly once").isEqualTo(1);
        assertThat(this.gateway.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void anUnreachableProviderDelaysSendingWithoutFailingOrSendingAnything() {
        this.simulator.behave(SimulatorBehaviour.UNREACHABLE);
        long id = enqueue(sms("fast", number(), campaign()));

        await(WAIT, "a refused attempt", () -> this.gateway.find(id).orElseThrow().attempts() >= 1);
        assertThat(statusOf(id)).as("waiting for another attempt, not failed")
            .isIn(MessageStatus.QUEUED, MessageStatus.CLAIMED, MessageStatus.SENDING);
        assertThat(this.simulator.received(id)).as("the provider received nothing").isZero();
        this.simulator.behave(SimulatorBehaviour.NORMAL);
        awaitStatus(id, MessageStatus.DELIVERED);

        assertThat(this.simulator.received(id)).as("sent exactly once").isEqualTo(1);
    }

    @Test
    void aCampaignWhoseMessagesFailInNumbersIsPausedWithTheReason() {
        long campaign = campaign();
        List<MessageRequest> doomed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            doomed.add(sms("fast", "+15005550002", campaign));
        }
        this.gateway.enqueue(doomed);

        await(WAIT, "the campaign paused", () -> this.gateway.pauseOf(campaign).isPresent());

        assertThat(this.gateway.pauseOf(campaign).orElseThrow().reason()).contains("of the last")
            .contains("failed")
            .contains("21612");
        assertThat(this.events.of(SendingPaused.class)).anyMatch((e) -> e.campaignId() == campaign);
        long waiting = enqueue(sms("fast", number(), campaign));
        try {
            Thread.sleep(600);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        assertThat(statusOf(waiting)).as("a paused campaign sends nothing").isEqualTo(MessageStatus.QUEUED);
        assertThat(this.gateway.resume(campaign, "operator")).isTrue();
        awaitStatus(waiting, MessageStatus.DELIVERED);
        assertThat(this.gateway.pauseOf(campaign)).as("old failures do not pause it again").isEmpty();
    }

    @Test
    void outsideTheRecipientsHoursAMessageWaitsForTheOpeningOrIsSkipped() {
        // Sunday 3 January 2027, 11:00 in Paris: no marketing texts on Sundays in France.
        this.clock.setTo(Instant.parse("2027-01-03T10:00:00Z"));
        SendWindow france = new SendWindow(ZoneId.of("Europe/Paris"), LocalTime.of(8, 0), LocalTime.of(22, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), SendWindow.Policy.HOLD);
        long held = enqueue(new MessageRequest(null, key(), Channel.SMS, "fast", number(), "Bonjour", 1, Instant.now(),
                france, null, List.of()));
        long skipped = enqueue(new MessageRequest(null, key(), Channel.SMS, "fast", number(), "Bonjour", 1,
                Instant.now(),
                new SendWindow(france.zone(), france.start(), france.end(), france.days(), SendWindow.Policy.SKIP),
                null, List.of()));

        awaitStatus(skipped, MessageStatus.SKIPPED);
        await(WAIT, "deferred",
                () -> this.gateway.history(held)
                    .stream()
                    .anyMatch((e) -> e.detail() != null && e.detail().contains("deferred")));

        MessageView waiting = this.gateway.find(held).orElseThrow();
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.dueAt()).as("Monday 08:00 in Paris").isEqualTo(Instant.parse("2027-01-04T07:00:00Z"));
        assertThat(this.simulator.received(held)).isZero();
        assertThat(this.simulator.received(skipped)).isZero();
    }

    @Test
    void aCascadeTriesTheNextChannelWhenOneFailsAndAccountsForTheCost() {
        long campaign = campaign();
        List<ChainStep> chain = List.of(new ChainStep(Channel.WHATSAPP, "whatsapp", Duration.ofSeconds(30)),
                new ChainStep(Channel.SMS, "fast", Duration.ofSeconds(30)));
        String failing = number().substring(0, 13) + "9"; // not on WhatsApp in the
                                                          // simulator
        String delivering = number().substring(0, 13) + "1";
        // Business-initiated on WhatsApp: an approved template (free text would get
        // 63016).
        TemplateContent template = new TemplateContent("HXb5b62575e6e4ff6129ad7c8efe1f983e", "{\"1\":\"Anna\"}");
        Map<String, Long> ids = this.gateway.enqueue(List.of(
                new MessageRequest(null, key(), Channel.WHATSAPP, "whatsapp", delivering, "Your code", 1, Instant.now(),
                        null, new Attribution(campaign, 1L, "A"), chain, template, List.of()),
                new MessageRequest(null, key(), Channel.WHATSAPP, "whatsapp", failing, "Your code", 1, Instant.now(),
                        null, new Attribution(campaign, 2L, "A"), chain)));

        ids.values().forEach((id) -> await(WAIT, "first step done", () -> statusOf(id).terminal()));
        await(WAIT, "the failed step handed to SMS",
                () -> this.gateway.search(new MessageSearch(campaign, null, failing), 10).size() == 2);
        MessageView sms = this.gateway.search(new MessageSearch(campaign, null, failing), 10).get(0);
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.chainStep()).isEqualTo(1);
        await(WAIT, "the SMS step ended", () -> statusOf(sms.id()).terminal());
        assertThat(this.gateway.search(new MessageSearch(campaign, null, delivering), 10))
            .as("a delivered first step is the only one")
            .hasSize(1)
            .allMatch((m) -> m.status() == MessageStatus.DELIVERED && m.channel() == Channel.WHATSAPP);

        // Each step priced by the table for its channel and destination (+49: DE); the
        // WhatsApp step that failed before the carrier costs nothing.
        this.figures.refresh(campaign);
        MessageFigures figures = this.figures.of(campaign);
        assertThat(costOf(figures, Channel.WHATSAPP)).isEqualByComparingTo("0.0600");
        assertThat(costOf(figures, Channel.SMS)).isEqualByComparingTo("0.0865");
        assertThat(figures.costs()).allMatch((c) -> c.currency().equals("USD"));
    }

    private static BigDecimal costOf(MessageFigures figures, Channel channel) {
        return figures.costs()
            .stream()
            .filter((c) -> c.channel() == channel)
            .map(MessageFigures.Cost::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

}
