package org.smscampaign.web.keyword;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.KeywordResponses;
import org.smscampaign.campaign.KeywordTaken;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import org.smscampaign.messaging.provider.SignatureKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reply keywords end to end: declared on campaigns (unique per sender while active,
 * conflicts refused naming the holder), a text to the sender's number matched through the
 * signed Twilio webhook, attributed to the keyword's campaign, answered automatically
 * (not to people who opted out, within their hours, once a day) and its sender added to
 * the keyword's list.
 */
@PlatformIT
class ReplyKeywordsIT {

    private static final String SMS_NUMBER = "+15005550006";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    SignatureKey signatureKey;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    MessageGateway gateway;

    @Autowired
    OptOuts optOuts;

    @Autowired
    JdbcClient jdbc;

    HttpFixture http;

    String key;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("keywords-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    /** A word no earlier run holds: campaigns of earlier runs stay active. */
    private static String word(String stem) {
        return stem + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36)
            .toUpperCase(Locale.ROOT);
    }

    private static String number() {
        return "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A contact whose local time is about {@code localNow} (fixed offset). */
    private ContactDetails contact(String name, String phone, ConsentStatus consent, LocalTime localNow) {
        return contact(name, phone, "DE", null, consent, localNow);
    }

    private ContactDetails contact(String name, String phone, String country, String region, ConsentStatus consent,
            LocalTime localNow) {
        ContactDetails contact = this.contacts.create(new ContactInput(phone, name, null, null, null, region, country,
                null, null, null, null, null, Map.of(), null, null), consent, ConsentSource.FORM, "test", "test");
        int now = LocalTime.now(ZoneOffset.UTC).toSecondOfDay();
        int offset = Math.floorMod(localNow.toSecondOfDay() - now, 86_400);
        offset = (offset > 43_200) ? offset - 86_400 : offset;
        this.jdbc.sql("update contact set time_zone = :zone where id = :id")
            .param("zone", ZoneOffset.ofTotalSeconds(offset).getId())
            .param("id", contact.id())
            .update();
        return contact;
    }

    private ContactDetails daytimeContact(String name, String phone) {
        return contact(name, phone, ConsentStatus.SUBSCRIBED, LocalTime.of(13, 0));
    }

    private static CampaignDraft draft(String name, String sender, long list, List<CampaignDraft.ReplyKeyword> words) {
        return new CampaignDraft(name, sender, null,
                new CampaignDraft.Audience(List.of(), List.of(list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", "New boots are in. Reply SHOES for the catalogue", 100)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, false, null, 0, null, List.of(), 7, 7, List.of(),
                null, words, null);
    }

    private long emptyList() {
        return this.lists.create("Keywords " + System.nanoTime(), null).id();
    }

    private static CampaignDraft.ReplyKeyword keyword(String word, String answer, Long list) {
        return new CampaignDraft.ReplyKeyword(word, null, answer, list);
    }

    private void receive(String sid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("From", from);
        form.put("To", SMS_NUMBER);
        form.put("Body", body);
        HttpResponse<String> response = this.http.postSignedByTwilio("/webhooks/twilio/inbound", null, form,
                this.signatureKey.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String sid() {
        return "SM" + Long.toHexString(System.nanoTime()) + ThreadLocalRandom.current().nextInt(1000);
    }

    private record Inbound(String kind, String reason, Long campaignId, Long messageId, Long keywordId) {

    }

    private Inbound inbound(String sid) {
        return this.jdbc
            .sql("select kind, kind_reason, campaign_id, message_id, keyword_id from inbound_message "
                    + "where provider_sid = :sid")
            .param("sid", sid)
            .query((row, n) -> new Inbound(row.getString(1), row.getString(2), row.getObject(3, Long.class),
                    row.getObject(4, Long.class), row.getObject(5, Long.class)))
            .single();
    }

    /** Texts sent to a number that no campaign sent (automatic answers). */
    private List<MessageView> answersTo(String phone) {
        return this.gateway.search(new MessageSearch(null, null, phone), 50)
            .stream()
            .filter((m) -> m.attribution().campaignId() == null)
            .toList();
    }

    private static <T> T await(String what, Duration within, Supplier<Optional<T>> condition) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    private MessageView awaitDelivered(long campaignId) {
        return await("campaign " + campaignId + " delivered", Duration.ofSeconds(30),
                () -> this.gateway.search(new MessageSearch(campaignId, null, null), 10)
                    .stream()
                    .filter((m) -> m.status() == MessageStatus.DELIVERED)
                    .findFirst());
    }

    @Test
    void aKeywordIsUniquePerSenderWhileItsCampaignIsActive() {
        String shoes = word("SHOES");
        CampaignView holder = this.campaigns
            .create(draft("Spring sale " + shoes, "default", emptyList(), List.of(keyword(shoes, null, null))), "test");
        String json = """
                {"name": "Rival %s", "sender": "%s", "variants": [{"label": "A", "body": "Reply %s", "split": 100}],
                 "optOutLine": true, "holdoutPercent": 0, "attributionDays": 7, "evaluationDays": 7,
                 "replyKeywords": [{"keyword": "%s"}]}""";

        HttpResponse<String> refused = this.http.postJson("/api/v1/campaigns",
                json.formatted(shoes, "default", shoes, shoes.toLowerCase(Locale.ROOT) + "!"), "X-API-Key", this.key);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("\"type\":\"/problems/keyword-taken\"")
            .contains("\"campaignId\":" + holder.id())
            .contains("\"campaignName\":\"Spring sale " + shoes + "\"")
            .contains(shoes + " is used by campaign “Spring sale " + shoes + "”");

        HttpResponse<String> otherSender = this.http.postJson("/api/v1/campaigns",
                json.formatted(shoes, "whatsapp", shoes, shoes), "X-API-Key", this.key);
        assertThat(otherSender.statusCode()).as(otherSender.body()).isEqualTo(201);
        assertThat(otherSender.body()).contains("\"replyKeywords\":[{\"keyword\":\"" + shoes + "\"");

        // The holder finished sending longer ago than sms.campaigns.keywords.active-for.
        this.jdbc
            .sql("update campaign set status = 'COMPLETED', finished_at = now() - interval '31 days' where id = :id")
            .param("id", holder.id())
            .update();
        HttpResponse<String> freed = this.http.postJson("/api/v1/campaigns",
                json.formatted(shoes, "default", shoes, shoes), "X-API-Key", this.key);
        assertThat(freed.statusCode()).as(freed.body()).isEqualTo(201);
    }

    @Test
    void twoSavesRacingForAWordCannotBothTakeIt() throws Exception {
        String word = word("RACE");
        long list = emptyList();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String name = "Race " + i + " " + word;
                saves.add(pool.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    try {
                        this.campaigns.create(draft(name, "default", list, List.of(keyword(word, null, null))), "test");
                        return "saved";
                    }
                    catch (KeywordTaken ex) {
                        return "taken";
                    }
                }));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> save : saves) {
                outcomes.add(save.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("saved", "taken");
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeywordHeldByAFinishedCampaignSaysUntilWhen() {
        String word = word("BOOTS");
        CampaignView holder = this.campaigns
            .create(draft("Boots " + word, "default", emptyList(), List.of(keyword(word, null, null))), "test");
        this.jdbc
            .sql("update campaign set status = 'COMPLETED', finished_at = timestamp with time zone "
                    + "'2026-12-07 10:00:00+00' where id = :id")
            .param("id", holder.id())
            .update();

        assertThatExceptionOfType(KeywordTaken.class)
            .isThrownBy(() -> this.campaigns
                .create(draft("Again " + word, "default", emptyList(), List.of(keyword(word, null, null))), "test"))
            .withMessageContaining(word + " is used by campaign “Boots " + word + "” until 6 Jan 2027")
            .satisfies((taken) -> assertThat(taken.holderId()).isEqualTo(holder.id()));
        // Cancelled: free at once.
        this.jdbc.sql("update campaign set status = 'CANCELLED' where id = :id").param("id", holder.id()).update();
        assertThat(this.campaigns
            .create(draft("Again " + word, "default", emptyList(), List.of(keyword(word, null, null))), "test")
            .draft()
            .replyKeywords()).extracting(CampaignDraft.ReplyKeyword::keyword).containsExactly(word);
    }

    @Test
    void keywordsFollowTheRules() {
        long list = emptyList();
        for (String[] refused : new String[][] { { "STOP", "is kept for opt-outs" }, { "two words", "one word" },
                { "X", "one word of 2 to 20" } }) {
            HttpResponse<String> response = this.http.postJson("/api/v1/campaigns", """
                    {"name": "Rules", "sender": "default", "variants": [{"label": "A", "body": "Hi", "split": 100}],
                     "optOutLine": true, "holdoutPercent": 0, "attributionDays": 7, "evaluationDays": 7,
                     "replyKeywords": [{"keyword": "%s"}]}""".formatted(refused[0]), "X-API-Key", this.key);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains(refused[1]);
        }
        String word = word("TWICE");
        assertThatExceptionOfType(org.smscampaign.campaign.CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.create(
                    draft("Twice", "default", list,
                            List.of(keyword(word, null, null), keyword(word.toLowerCase(Locale.ROOT), null, null))),
                    "test"))
            .withMessage("reply keywords: " + word + " is declared twice; keep one.");
        assertThatExceptionOfType(org.smscampaign.campaign.CampaignProblem.class).isThrownBy(() -> this.campaigns
            .create(draft("Variant", "default", list, List.of(new CampaignDraft.ReplyKeyword(word, "B", null, null))),
                    "test"))
            .withMessageContaining("names variant B, which the campaign does not have");
    }

    @Test
    void aKeywordTextThroughTheWebhookIsAnsweredAttributedAndListed() {
        String phone = number();
        ContactDetails anna = daytimeContact("Anna", phone);
        long audience = emptyList();
        this.lists.add(audience, List.of(anna.id()));
        long vip = emptyList();
        String shoes = word("SHOES");
        CampaignView campaign = this.campaigns.create(
                draft("Catalogue " + shoes, "default", audience,
                        List.of(keyword(shoes, "Hi {{first_name|there}}, the catalogue: https://shop.example/c", vip))),
                "test");
        this.campaigns.launch(campaign.id(), "test");
        MessageView sent = awaitDelivered(campaign.id());

        String sid = sid();
        receive(sid, phone, shoes.toLowerCase(Locale.ROOT) + " please!");
        receive(sid, phone, shoes.toLowerCase(Locale.ROOT) + " please!"); // Twilio's
                                                                          // retry

        Inbound text = inbound(sid);
        assertThat(text.kind()).isEqualTo("KEYWORD");
        assertThat(text.reason()).isEqualTo("keyword " + shoes + " of campaign " + campaign.id());
        assertThat(text.campaignId()).isEqualTo(campaign.id());
        assertThat(text.messageId()).isEqualTo(sent.id());
        MessageView answer = await("the answer delivered", Duration.ofSeconds(20),
                () -> answersTo(phone).stream().filter((m) -> m.status() == MessageStatus.DELIVERED).findFirst());
        assertThat(answer.body()).isEqualTo("Hi Anna, the catalogue: https://shop.example/c");
        assertThat(answer.sender()).isEqualTo("default");
        assertThat(this.contacts.find(anna.id()).orElseThrow().lists()).anyMatch((l) -> l.id() == vip);

        receive(sid(), phone, shoes); // again the same day: a loop cannot spam
        assertThat(answersTo(phone)).as("one answer per number, keyword and day").hasSize(1);
        assertThat(this.campaigns.keywordResponses(campaign.id())).extracting(KeywordResponses::responses)
            .containsExactly(2L);
    }

    @Test
    void aKeywordWinsAttributionOverALaterCampaign() {
        String phone = number();
        ContactDetails ben = daytimeContact("Ben", phone);
        long audience = emptyList();
        this.lists.add(audience, List.of(ben.id()));
        String word = word("SHOES");
        CampaignView older = this.campaigns
            .create(draft("Older " + word, "default", audience, List.of(keyword(word, null, null))), "test");
        this.campaigns.launch(older.id(), "test");
        MessageView olderMessage = awaitDelivered(older.id());
        // Several days pass in a test of seconds: no frequency cap in the way.
        this.jdbc
            .sql("update outbound_message set due_at = due_at - interval '2 days', "
                    + "created_at = created_at - interval '2 days' where id = :id")
            .param("id", olderMessage.id())
            .update();
        CampaignView newer = this.campaigns.create(draft("Newer " + word, "default", audience, List.of()), "test");
        this.campaigns.launch(newer.id(), "test");
        awaitDelivered(newer.id());

        String free = sid();
        receive(free, phone, "Thanks, nice boots");
        String keyword = sid();
        receive(keyword, phone, word + "!");

        assertThat(inbound(free).campaignId()).as("free text: the latest campaign").isEqualTo(newer.id());
        Inbound matched = inbound(keyword);
        assertThat(matched.kind()).isEqualTo("KEYWORD");
        assertThat(matched.campaignId()).as("a keyword: its own campaign").isEqualTo(older.id());
        assertThat(matched.messageId()).isEqualTo(olderMessage.id());
    }

    @Test
    void peopleWhoOptedOutGetNoAnswerButStillCount() {
        String unsubscribed = number();
        contact("Cleo", unsubscribed, ConsentStatus.UNSUBSCRIBED, LocalTime.of(13, 0));
        String suppressed = number();
        daytimeContact("Dan", suppressed);
        this.optOuts.suppress(suppressed, "test");
        String word = word("SALE");
        CampaignView campaign = this.campaigns.create(
                draft("Opted out " + word, "default", emptyList(), List.of(keyword(word, "Here you go", null))),
                "test");

        String first = sid();
        receive(first, unsubscribed, word);
        String second = sid();
        receive(second, suppressed, word.toLowerCase(Locale.ROOT));

        assertThat(inbound(first).kind()).isEqualTo("KEYWORD");
        assertThat(inbound(second).campaignId()).isEqualTo(campaign.id());
        // The answer is queued (or not) before the webhook is answered.
        assertThat(answersTo(unsubscribed)).isEmpty();
        assertThat(answersTo(suppressed)).isEmpty();
        assertThat(this.campaigns.keywordResponses(campaign.id())).extracting(KeywordResponses::responses)
            .containsExactly(2L);
    }

    @Test
    void aKeywordThatReadsLikeAnOptOutWaitsForAPersonAndGetsNoAnswer() {
        String phone = number();
        daytimeContact("Gil", phone);
        String word = word("SHOES");
        long list = emptyList();
        this.campaigns.create(draft("Review " + word, "default", emptyList(), List.of(keyword(word, "Here", list))),
                "test");

        String sid = sid();
        receive(sid, phone, word + " - stop texting me");

        assertThat(inbound(sid).kind()).isEqualTo("KEYWORD");
        assertThat(answersTo(phone)).as("no answer while a person decides").isEmpty();
        assertThat(this.jdbc.sql("select count(*) from contact_list_member where list_id = :list")
            .param("list", list)
            .query(Long.class)
            .single()).as("nobody added to the list").isZero();
    }

    @Test
    void anAnswerOutsideThePersonsHoursWaitsForThemToOpen() {
        String phone = "+13052" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        // 07:59:50 in Florida (allowed 08:00-20:00): the hours open in ten seconds.
        contact("Eve", phone, "US", "FL", ConsentStatus.SUBSCRIBED, LocalTime.of(7, 59, 50));
        String word = word("EARLY");
        this.campaigns.create(
                draft("Early " + word, "default", emptyList(), List.of(keyword(word, "Good morning", null))), "test");

        receive(sid(), phone, word);

        MessageView held = answersTo(phone).get(0);
        assertThat(held.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(held.dueAt()).as("due when their hours open").isAfter(Instant.now().plusSeconds(2));
        MessageView sent = await("the answer sent once the hours opened", Duration.ofSeconds(40),
                () -> this.gateway.find(held.id()).filter((m) -> m.status() == MessageStatus.DELIVERED));
        assertThat(sent.sentAt()).isAfterOrEqualTo(held.dueAt());
    }

    @Test
    void aCampaignsPageShowsItsKeywordsAndEditsAreRefusedAfterLaunch() {
        String word = word("SHOW");
        long audience = emptyList();
        this.lists.add(audience, List.of(daytimeContact("Finn", number()).id()));
        CampaignView campaign = this.campaigns
            .create(draft("Shown " + word, "default", audience, List.of(keyword(word, "Hi", null))), "test");
        CampaignView copy = this.campaigns.duplicate(campaign.id(), "test");
        assertThat(copy.draft().replyKeywords()).as("the original still holds it").isEmpty();
        this.jdbc.sql("update campaign set status = 'CANCELLED' where id = :id").param("id", campaign.id()).update();
        CampaignView kept = this.campaigns.duplicate(campaign.id(), "test");
        assertThat(kept.draft().replyKeywords()).extracting(CampaignDraft.ReplyKeyword::keyword).containsExactly(word);

        this.campaigns.launch(kept.id(), "test");
        assertThat(this.campaigns.get(kept.id()).status()).isNotEqualTo(CampaignStatus.DRAFT);
        HttpResponse<String> edit = this.http.putJson("/api/v1/campaigns/" + kept.id(), """
                {"name": "Edited", "sender": "default", "variants": [{"label": "A", "body": "Hi", "split": 100}],
                     "optOutLine": true, "holdoutPercent": 0, "attributionDays": 7, "evaluationDays": 7,
                 "replyKeywords": []}""", "X-API-Key", this.key);
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(409);
        assertThat(this.campaigns.get(kept.id()).draft().replyKeywords()).hasSize(1);
    }

}
