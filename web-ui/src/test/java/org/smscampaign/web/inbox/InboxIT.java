package org.smscampaign.web.inbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.Replies;
import org.smscampaign.messaging.ReplyView;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound side as the inbound team works it: kinds corrected and kept (an opt-out
 * suppresses, nothing re-subscribes), conversations filtered and assigned, answers under
 * consent, quiet hours and the sender's channel, and an agent who reaches the inbox and
 * nothing else.
 */
@PlatformIT
class InboxIT {

    private static final String PASSWORD = "inbox-agent-passphrase-1";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    SignatureKey signatureKey;

    @Autowired
    Replies replies;

    @Autowired
    OptOuts optOuts;

    @Autowired
    MessageGateway gateway;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    HttpFixture http;

    String key;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("inbox-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    /** A number the simulator finds on WhatsApp (it never ends in 9). */
    static String uniqueNumber() {
        return "+49177" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "1";
    }

    @Test
    void aCorrectionIsKeptAndAnOptOutCorrectionSuppressesWithoutReSubscribingLater() {
        String number = uniqueNumber();
        receive(number, "Do you ship to Austria?");
        ReplyView text = this.replies.from(number, 1).get(0);
        assertThat(text.kind()).isEqualTo("QUERY");
        assertThat(text.kindReason()).isEqualTo("a question mark");

        HttpResponse<String> other = this.http.putJson("/api/v1/replies/" + text.id() + "/kind",
                "{\"kind\": \"OTHER\", \"note\": \"Just chatting\"}", "X-API-Key", this.key);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(other.body()).contains("\"kind\":\"OTHER\"")
            .contains("\"classifiedKind\":\"QUERY\"")
            .contains("\"note\":\"Just chatting\"")
            .contains("\"numberOptedOut\":false");
        assertThat(this.optOuts.isSuppressed(number)).isFalse();

        HttpResponse<String> optOut = this.http.putJson("/api/v1/replies/" + text.id() + "/kind",
                "{\"kind\": \"OPT_OUT\"}", "X-API-Key", this.key);
        assertThat(optOut.statusCode()).as(optOut.body()).isEqualTo(200);
        assertThat(optOut.body()).contains("\"numberOptedOut\":true");
        assertThat(this.optOuts.isSuppressed(number)).isTrue();

        this.http.putJson("/api/v1/replies/" + text.id() + "/kind", "{\"kind\": \"QUERY\"}", "X-API-Key", this.key);
        assertThat(this.optOuts.isSuppressed(number)).as("a correction away from opt-out does not re-subscribe")
            .isTrue();
        ReplyView after = this.replies.find(text.id()).orElseThrow();
        assertThat(after.kind()).isEqualTo("QUERY");
        assertThat(after.classifiedKind()).as("the rules' verdict stays").isEqualTo("QUERY");
        assertThat(this.replies.corrections(text.id())).extracting((c) -> c.from() + ">" + c.to())
            .containsExactly("QUERY>OTHER", "OTHER>OPT_OUT", "OPT_OUT>QUERY");

        String page = signedInAs(Role.AGENT).get("/inbox/c/" + number).body();
        assertThat(page).contains("corrected by").contains("a question mark").contains("Corrections (<span>3</span>)");
    }

    @Test
    void anOptedOutNumberCannotBeAnswered() {
        String number = uniqueNumber();
        receive(number, "When does the sale end?");
        receive(number, "STOP");
        assertThat(this.optOuts.isSuppressed(number)).isTrue();

        HttpResponse<String> answer = answer(number, "It ends on Sunday");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(answer.body()).contains("/problems/number-opted-out");
        assertThat(this.gateway.search(new org.smscampaign.messaging.MessageSearch(null, null, number), 10))
            .as("nothing queued")
            .isEmpty();
        assertThat(signedInAs(Role.AGENT).get("/inbox/c/" + number).body()).contains("it cannot be")
            .doesNotContain("id=\"answer-form\"");
    }

    @Test
    void anAnswerGoesOnTheSenderWrittenToAndMarksTheTextsAnsweredOnce() {
        String sms = uniqueNumber();
        receive(sms, "Is the blue one in stock?");
        HttpResponse<String> bySms = answer(sms, "Yes, it is");
        assertThat(bySms.statusCode()).as(bySms.body()).isEqualTo(201);
        MessageView smsAnswer = this.gateway.find(messageId(bySms)).orElseThrow();
        assertThat(smsAnswer.channel()).isEqualTo(Channel.SMS);
        assertThat(smsAnswer.sender()).isEqualTo("default");
        Instant answered = this.replies.from(sms, 1).get(0).answeredAt();
        assertThat(answered).isNotNull();
        answer(sms, "And in red too");
        assertThat(this.replies.from(sms, 1).get(0).answeredAt()).as("the first answer only").isEqualTo(answered);
        // A client's retry (same Idempotency-Key) sends nothing more.
        String once = java.util.UUID.randomUUID().toString();
        HttpResponse<String> first = this.http.postJson("/api/v1/inbox/" + sms + "/answers",
                "{\"text\": \"Ships tomorrow\"}", "X-API-Key", this.key, "Idempotency-Key", once);
        HttpResponse<String> retry = this.http.postJson("/api/v1/inbox/" + sms + "/answers",
                "{\"text\": \"Ships tomorrow\"}", "X-API-Key", this.key, "Idempotency-Key", once);
        assertThat(messageId(retry)).as(retry.body()).isEqualTo(messageId(first));

        String whatsApp = uniqueNumber();
        receive("whatsapp:" + whatsApp, "Can I still return it?");
        HttpResponse<String> byWhatsApp = answer(whatsApp, "Within 30 days, yes");
        assertThat(byWhatsApp.statusCode()).as(byWhatsApp.body()).isEqualTo(201);
        MessageView whatsAppAnswer = this.gateway.find(messageId(byWhatsApp)).orElseThrow();
        assertThat(whatsAppAnswer.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(whatsAppAnswer.sender()).isEqualTo("whatsapp");
        await(() -> this.gateway.find(whatsAppAnswer.id()).orElseThrow().status() == MessageStatus.DELIVERED);

        // A day later WhatsApp takes no free text any more: refused with its reason.
        this.jdbc.sql("update inbound_message set received_at = now() - interval '25 hours' where from_number = :n")
            .param("n", whatsApp)
            .update();
        HttpResponse<String> late = answer(whatsApp, "Any news?");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(422);
        assertThat(late.body()).contains("/problems/outside-customer-window");
    }

    @Test
    void outsideTheirHoursTheAnswerWaitsAndGoesWhenTheWindowOpens() {
        // Florida: texts only from 08:00 (the demo profile's own hours are open all day).
        String number = "+1305" + (200 + ThreadLocalRandom.current().nextInt(800))
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        receive(number, "Can someone call me?");
        // Their clock shows a few seconds before 08:00, when their allowed hours begin.
        Instant now = Instant.now();
        int secondOfDay = now.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        int offset = Math.floorMod(8 * 3600 - 15 - secondOfDay, 86_400);
        offset = (offset > 43_200) ? offset - 86_400 : offset;
        String zone = ZoneOffset.ofTotalSeconds(offset).getId();
        HttpResponse<String> contact = this.http.postJson("/api/v1/contacts", """
                {"phone": "%s", "firstName": "Nora", "region": "FL", "timeZone": "%s"}""".formatted(number, zone),
                "X-API-Key", this.key);
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);

        HttpResponse<String> answer = answer(number, "Hi {{first_name|there}}, we will call at nine");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"scheduled\":true")
            .contains("\"localDue\":\"08:00:00\"")
            .contains("Hi Nora, we will call at nine");
        long id = messageId(answer);
        MessageView queued = this.gateway.find(id).orElseThrow();
        assertThat(queued.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(queued.dueAt()).isAfter(Instant.now());
        assertThat(signedInAs(Role.AGENT).get("/inbox/c/" + number).body()).contains("scheduled 08:00");

        await(() -> this.gateway.find(id).orElseThrow().status() == MessageStatus.DELIVERED);
        MessageView sent = this.gateway.find(id).orElseThrow();
        assertThat(sent.sentAt().atZone(ZoneOffset.ofTotalSeconds(offset)).toLocalTime())
            .as("not before their window opened")
            .isAfterOrEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void conversationsAreFilteredAndAssigned() {
        String asking = uniqueNumber();
        String thanking = uniqueNumber();
        long campaign = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        long sent = this.gateway
            .enqueue(List.of(MessageRequest.sms("inbox-filter-" + asking, "default", asking, "Spring sale!", 1,
                    Instant.now(), new Attribution(campaign, null, null))))
            .get("inbox-filter-" + asking);
        await(() -> this.gateway.find(sent).orElseThrow().sentAt() != null);
        receive(asking, "How much is shipping?");
        receive(thanking, "Thanks!");

        String waiting = this.http.get("/api/v1/inbox?needsAnswer=true&limit=500", "X-API-Key", this.key).body();
        assertThat(waiting).contains(asking).doesNotContain(thanking);
        String ofCampaign = this.http.get("/api/v1/inbox?campaign=" + campaign, "X-API-Key", this.key).body();
        assertThat(ofCampaign).contains(asking).doesNotContain(thanking);

        String agent = agent();
        HttpFixture agentHttp = new HttpFixture(this.port);
        agentHttp.signIn(agent, PASSWORD);
        String csrf = agentHttp.csrfToken("/inbox/c/" + asking);
        assertThat(agentHttp.post("/inbox/c/" + asking + "/assign", "assignee=me&_csrf=" + csrf).statusCode())
            .isEqualTo(302);
        String mine = agentHttp.get("/inbox?mine=true").body();
        assertThat(mine).contains(asking).doesNotContain(thanking).contains("assigned to " + agent);
        assertThat(this.http.get("/api/v1/inbox?assignedTo=" + agent, "X-API-Key", this.key).body()).contains(asking)
            .doesNotContain(thanking);

        // A person flags the thanks as needing an answer; the answer clears the flag.
        assertThat(agentHttp.post("/inbox/c/" + thanking + "/flag", "_csrf=" + csrf).statusCode()).isEqualTo(302);
        assertThat(this.http.get("/api/v1/inbox?needsAnswer=true&limit=500", "X-API-Key", this.key).body())
            .contains(thanking);
        assertThat(answer(thanking, "You are welcome!").statusCode()).isEqualTo(201);
        assertThat(this.http.get("/api/v1/inbox?needsAnswer=true&limit=500", "X-API-Key", this.key).body())
            .doesNotContain(thanking);

        assertThat(this.http.putJson("/api/v1/inbox/" + asking + "/done", "{\"done\": true}", "X-API-Key", this.key)
            .statusCode()).isEqualTo(200);
        assertThat(this.http.get("/api/v1/inbox?limit=500", "X-API-Key", this.key).body()).doesNotContain(asking);
        assertThat(this.http.get("/api/v1/inbox?state=DONE&limit=500", "X-API-Key", this.key).body()).contains(asking);
        assertThat(this.http.get("/api/v1/inbox?needsAnswer=true&limit=500", "X-API-Key", this.key).body())
            .doesNotContain(asking);

        receive(asking, "Hello? Still there?");
        assertThat(this.http.get("/api/v1/inbox?needsAnswer=true&limit=500", "X-API-Key", this.key).body())
            .as("the next text opens it again")
            .contains(asking);

        HttpResponse<String> note = this.http.postJson("/api/v1/inbox/" + asking + "/notes",
                "{\"text\": \"Asked about shipping to Vienna\"}", "X-API-Key", this.key);
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        assertThat(this.http.get("/api/v1/inbox/" + asking, "X-API-Key", this.key).body())
            .contains("Asked about shipping to Vienna")
            .contains("How much is shipping?")
            .contains("Spring sale!");
    }

    @Test
    void anAgentReachesTheInboxAndNothingElse() {
        HttpFixture agent = signedInAs(Role.AGENT);
        assertThat(agent.get("/").headers().firstValue("Location").orElse("")).endsWith("/inbox");
        assertThat(agent.get("/inbox").statusCode()).isEqualTo(200);
        assertThat(agent.get("/inbox").body()).contains("id=\"inbox-nav\"").doesNotContain("href=\"/campaigns\"");
        for (String page : List.of("/campaigns", "/contacts", "/segments", "/links", "/messages", "/messages/replies",
                "/dashboards", "/reports", "/notifications", "/admin/users", "/inbox/saved-answers")) {
            assertThat(agent.get(page).statusCode()).as(page).isEqualTo(403);
        }
        for (String api : List.of("/api/v1/campaigns", "/api/v1/contacts", "/api/v1/replies")) {
            assertThat(agent.get(api).statusCode()).as(api).isEqualTo(403);
        }
        assertThat(agent.get("/api/v1/inbox").statusCode()).isEqualTo(200);

        String agentKey = this.apiKeys.create("agent-" + System.nanoTime(), Role.AGENT, "test").token();
        assertThat(this.http.get("/api/v1/inbox", "X-API-Key", agentKey).statusCode()).isEqualTo(200);
        assertThat(this.http.get("/api/v1/campaigns", "X-API-Key", agentKey).statusCode()).isEqualTo(403);
        assertThat(this.http
            .postJson("/api/v1/inbox/saved-answers", "{\"title\": \"x\", \"body\": \"y\"}", "X-API-Key", agentKey)
            .statusCode()).as("saved answers are the marketers'").isEqualTo(403);

        HttpFixture manager = new HttpFixture(this.port);
        manager.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        assertThat(manager.get("/inbox").statusCode()).as("managers read the inbox").isEqualTo(200);
        String number = uniqueNumber();
        receive(number, "Where is my order?");
        assertThat(manager
            .post("/inbox/c/" + number + "/assign", "assignee=me&_csrf=" + manager.csrfToken("/inbox/c/" + number))
            .statusCode()).as("but do not answer or assign").isEqualTo(403);
    }

    private HttpFixture signedInAs(Role role) {
        String name = (role == Role.AGENT) ? agent() : null;
        HttpFixture fixture = new HttpFixture(this.port);
        assertThat(fixture.signIn(name, PASSWORD).statusCode()).isEqualTo(302);
        return fixture;
    }

    private String agent() {
        String name = "agent-" + System.nanoTime();
        this.users.create(name, Role.AGENT, PASSWORD);
        return name;
    }

    private HttpResponse<String> answer(String number, String text) {
        return this.http.postJson("/api/v1/inbox/" + number + "/answers",
                "{\"text\": \"" + text.replace("\"", "\\\"") + "\"}", "X-API-Key", this.key);
    }

    private static long messageId(HttpResponse<String> answer) {
        return Long.parseLong(answer.body().replaceAll("(?s)^.*\"messageId\":(\\d+).*$", "$1"));
    }

    private void receive(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()) + ThreadLocalRandom.current().nextInt(1000));
        form.put("From", from);
        form.put("To", from.startsWith("whatsapp:") ? "whatsapp:+14155238886" : "+15005550006");
        form.put("Body", body);
        HttpResponse<String> response = this.http.postSignedByTwilio("/webhooks/twilio/inbound", null, form,
                this.signatureKey.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

}
