package org.smscampaign.campaign.cascade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.CascadeForecast;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.DeliveredWhen;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.Reachability;
import org.smscampaign.messaging.SendWindow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cascade campaigns in campaign-core: the cascade stored and checked, each recipient's
 * chain written at launch, the test send on the first channel, frequency caps counting a
 * cascade once, and the preflight's expected cost against SMS only.
 */
@CampaignCoreIT
@TestPropertySource(
        properties = { "sms.messaging.senders.default.channel=SMS", "sms.messaging.senders.whatsapp.channel=WHATSAPP",
                "sms.messaging.senders.whatsapp.from=+14155238886", "sms.messaging.senders.rcs.channel=RCS",
                "sms.messaging.senders.rcs.messaging-service-sid=MGcascade0000000000000000000000000",
                // Launch writes the chains; nothing is sent (each test reads what was
                // queued).
                "sms.messaging.dispatch.enabled=false" })
class CascadeCampaignsIT {

    static final String ORDER_UPDATE = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    static final String LOYALTY_PENDING = "HX0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    MessageGateway gateway;

    @Autowired
    Reachability reachability;

    @Autowired
    JdbcClient jdbc;

    long list;

    @BeforeEach
    void list() {
        this.list = this.lists.create("Cascade " + System.nanoTime(), null).id();
    }

    private long contact(String name, String number, String country, boolean whatsApp, Channel preferred) {
        long id = this.contacts
            .create(new ContactInput(number, name, null, null, null, null, country, null, null, null, null, null,
                    Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "test", "test")
            .id();
        this.jdbc.sql("update contact set whatsapp_consent = :consent, preferred_channel = :preferred where id = :id")
            .param("consent", whatsApp ? "OPTED_IN" : "NONE")
            .param("preferred", (preferred != null) ? preferred.name() : null)
            .param("id", id)
            .update();
        this.lists.add(this.list, List.of(id));
        return id;
    }

    private static String number(String prefix, int digits) {
        StringBuilder number = new StringBuilder(prefix);
        for (int i = 0; i < digits; i++) {
            number.append(ThreadLocalRandom.current().nextInt(i == digits - 1 ? 1 : 0, (i == digits - 1) ? 9 : 10));
        }
        return number.toString();
    }

    static CampaignDraft.CascadeStep whatsApp(DeliveredWhen when) {
        return new CampaignDraft.CascadeStep("whatsapp", 60, when, null, new CampaignDraft.StepTemplate(ORDER_UPDATE,
                Map.of("1", "{{first_name|there}}", "2", "{{link:https://shop.example/orders}}")));
    }

    static CampaignDraft.CascadeStep rcs() {
        return new CampaignDraft.CascadeStep("rcs", 30, DeliveredWhen.READ,
                "Hi {{first_name|there}}, your order ships: {{link:https://shop.example/orders}}", null);
    }

    static CampaignDraft.CascadeStep sms() {
        return new CampaignDraft.CascadeStep("default", 60, null, null, null);
    }

    private CampaignDraft draft(CampaignDraft.Cascade cascade) {
        return new CampaignDraft("Cascade " + System.nanoTime(), "default", null,
                new CampaignDraft.Audience(List.of(), List.of(this.list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A",
                        "Hi {{first_name|there}}, your order is on its way: {{link:https://shop.example/orders}}",
                        100)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, null, List.of(), 7, 7, List.of(),
                cascade);
    }

    @Test
    void aCascadeIsStoredReadBackAndChecked() {
        CampaignDraft.Cascade cascade = new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.CHEAPEST,
                List.of(whatsApp(DeliveredWhen.READ), rcs(), sms()));
        CampaignView created = this.campaigns.create(draft(cascade), "marketer");

        assertThat(this.campaigns.get(created.id()).draft().cascade()).isEqualTo(cascade);
        assertThat(this.campaigns.update(created.id(), created.draft().withCascade(null), "marketer").draft().cascade())
            .as("back to SMS only")
            .isNull();

        assertRefused(List.of(sms()), "2 to 4 channels");
        assertRefused(
                List.of(whatsApp(null),
                        new CampaignDraft.CascadeStep("whatsapp", 60, null, null,
                                new CampaignDraft.StepTemplate(ORDER_UPDATE, Map.of("1", "a", "2", "b"))),
                        sms()),
                "twice");
        assertRefused(List.of(whatsApp(null), rcs()), "add the SMS sender default");
        assertRefused(List.of(new CampaignDraft.CascadeStep("whatsapp", 60, null, null, null), sms()),
                "approved template");
        assertRefused(
                List.of(new CampaignDraft.CascadeStep("whatsapp", 60, null, null,
                        new CampaignDraft.StepTemplate(LOYALTY_PENDING, Map.of("1", "a", "2", "b"))), sms()),
                "not approved by WhatsApp (pending)");
        assertRefused(
                List.of(new CampaignDraft.CascadeStep("whatsapp", 60, null, null,
                        new CampaignDraft.StepTemplate(ORDER_UPDATE, Map.of("1", "{{first_name|there}}"))), sms()),
                "fill in {{2}}");
        assertRefused(List.of(rcs(), new CampaignDraft.CascadeStep("default", 60, DeliveredWhen.READ, null, null)),
                "SMS does not report reading");
        assertRefused(List.of(new CampaignDraft.CascadeStep("rcs", 0, null, null, null), sms()),
                "between 1 minute and 72 hours");
        assertRefused(List.of(rcs(), new CampaignDraft.CascadeStep("nobody", 60, null, null, null)),
                "needs one of the senders");
        assertRefused(List.of(rcs(), new CampaignDraft.CascadeStep("default", 60, null, "My own SMS", null)),
                "leave its own text empty");
    }

    private void assertRefused(List<CampaignDraft.CascadeStep> steps, String why) {
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns
                .create(draft(new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.MANUAL, steps)), "marketer"))
            .withMessageStartingWith("cascade: ")
            .withMessageContaining(why);
    }

    private CampaignView launch(CampaignDraft draft) {
        CampaignView campaign = this.campaigns.create(draft, "marketer");
        this.campaigns.launch(campaign.id(), "marketer");
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            CampaignView written = this.campaigns.get(campaign.id());
            if (written.launch() != null && written.launch().finished()) {
                return written;
            }
            sleep();
        }
        throw new AssertionError("launch not written in 30 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first message of a contact's chain, with its chain's channels and texts. */
    private record First(MessageView message, List<String> channels, String contentSid, String stepTexts) {

    }

    private First first(long campaign, long contact) {
        MessageView message = this.gateway
            .search(new org.smscampaign.messaging.MessageSearch(campaign, null, null), 100)
            .stream()
            .filter((m) -> m.attribution().contactId() == contact)
            .filter((m) -> m.chainStep() == null || m.chainStep() == 0)
            .findFirst()
            .orElseThrow();
        List<String> channels = this.jdbc.sql("""
                select s ->> 'channel' from outbound_message m join message_chain c on c.id = m.chain_id,
                    jsonb_array_elements(c.steps) with ordinality as k(s, n) where m.id = :id order by k.n""")
            .param("id", message.id())
            .query(String.class)
            .list();
        Map<String, Object> row = this.jdbc
            .sql("select content_sid, cast(step_texts as text) as texts from outbound_message where id = :id")
            .param("id", message.id())
            .query()
            .singleRow();
        return new First(message, channels, (String) row.get("content_sid"), (String) row.get("texts"));
    }

    @Test
    void launchWritesEachRecipientsChain() {
        long anna = contact("Anna", number("+49176", 8), "DE", true, null);
        long ben = contact("Ben", number("+49176", 8), "DE", false, null);
        String carlsNumber = number("+49176", 8);
        long carl = contact("Carl", carlsNumber, "DE", true, null);
        this.reachability.learn(carlsNumber, Channel.WHATSAPP, MessageStatus.FAILED, Reachability.NOT_ON_CHANNEL_CODE,
                null);
        long dora = contact("Dora", number("+49176", 8), "DE", true, Channel.SMS);
        String emilsNumber = number("+49176", 8);
        long emil = contact("Emil", emilsNumber, "DE", false, null);
        this.reachability.learn(emilsNumber, Channel.RCS, MessageStatus.FAILED, Reachability.NOT_ON_CHANNEL_CODE, null);

        CampaignView campaign = launch(draft(new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.MANUAL,
                List.of(whatsApp(DeliveredWhen.DELIVERED), rcs(), sms()))));

        First annas = first(campaign.id(), anna);
        assertThat(annas.channels()).containsExactly("WHATSAPP", "RCS", "SMS");
        assertThat(annas.message().channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(annas.message().sender()).isEqualTo("whatsapp");
        assertThat(annas.contentSid()).isEqualTo(ORDER_UPDATE);
        assertThat(annas.message().body()).startsWith("Hi Anna, your order is on its way. Track it here: http");
        String link = annas.message().body().substring(annas.message().body().lastIndexOf(' ') + 1);
        assertThat(annas.stepTexts()).as("one short link for every step of a recipient")
            .contains("Hi Anna, your order ships: " + link)
            .contains("your order is on its way: " + link + "\\n");
        assertThat(first(campaign.id(), ben).channels()).as("no WhatsApp without its opt-in")
            .containsExactly("RCS", "SMS");
        assertThat(first(campaign.id(), carl).channels()).as("not on WhatsApp: skipped").containsExactly("RCS", "SMS");
        assertThat(first(campaign.id(), dora).channels()).as("preferred channel first")
            .containsExactly("SMS", "WHATSAPP", "RCS");
        First emils = first(campaign.id(), emil);
        assertThat(emils.channels()).as("only SMS left: a chain of one step").containsExactly("SMS");
        assertThat(emils.message().channel()).isEqualTo(Channel.SMS);
        assertThat(emils.message().body()).as("with the opt-out line").contains("STOP");

        // Frequency caps count a cascade once, whatever channel each step went on.
        this.jdbc.sql("""
                insert into outbound_message (idempotency_key, campaign_id, contact_id, channel, sender, to_number,
                    body, segments, status, due_at, chain_id, chain_step, chain_root_id)
                select idempotency_key || '#1', campaign_id, contact_id, 'RCS', 'rcs', to_number, body, 1, 'SENT',
                    due_at, chain_id, 1, id from outbound_message where id = :id""")
            .param("id", annas.message().id())
            .update();
        Instant due = annas.message().dueAt();
        assertThat(this.gateway.contactsMessagedBetween(due.minusSeconds(60), due.plusSeconds(60), 1)).contains(anna);
        assertThat(this.gateway.contactsMessagedBetween(due.minusSeconds(60), due.plusSeconds(60), 2))
            .doesNotContain(anna);
    }

    @Test
    void cheapestFirstForEachRecipientsCountry() {
        long us = contact("Uma", number("+1212736", 4), "US", true, null);
        long de = contact("Dirk", number("+49151", 8), "DE", true, null);

        CampaignView campaign = launch(draft(new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.CHEAPEST,
                List.of(whatsApp(DeliveredWhen.DELIVERED), rcs(), sms()))));

        assertThat(first(campaign.id(), us).channels()).as("US: SMS is cheapest")
            .containsExactly("SMS", "RCS", "WHATSAPP");
        assertThat(first(campaign.id(), de).channels()).as("DE: RCS, then WhatsApp, SMS last")
            .containsExactly("RCS", "WHATSAPP", "SMS");
    }

    @Test
    void aTestSendGoesOnTheFirstStepsChannelWithItsTemplate() {
        CampaignView campaign = this.campaigns.create(draft(new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.MANUAL,
                List.of(whatsApp(DeliveredWhen.DELIVERED), sms()))), "marketer");

        long id = this.campaigns.testSend(campaign.id(), "A", number("+49176", 8), "marketer");

        MessageView message = this.gateway.find(id).orElseThrow();
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.sender()).isEqualTo("whatsapp");
        assertThat(message.body()).startsWith("Hi there, your order is on its way. Track it here: http");
        assertThat(this.jdbc.sql("select content_sid from outbound_message where id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo(ORDER_UPDATE);
    }

    @Test
    void thePreflightExpectsTheCascadesCostAgainstSmsOnly() {
        // History: WhatsApp to Spain delivered 3 times in 4 (learned: 200 >= 100
        // messages);
        // no history for France nor for RCS: the defaults (WhatsApp 60%, RCS 40%).
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            history.add(new Object[] { "history:" + System.nanoTime() + ":" + i, number("+34612", 6),
                    (i % 4 == 0) ? "FAILED" : "DELIVERED" });
        }
        for (Object[] row : history) {
            this.jdbc.sql("""
                    insert into outbound_message (idempotency_key, channel, sender, to_number, body, segments, status,
                        due_at) values (:key, 'WHATSAPP', 'whatsapp', :to, 'history', 1, :status, now())""")
                .param("key", row[0])
                .param("to", row[1])
                .param("status", row[2])
                .update();
        }
        contact("Elena", number("+34612", 6), "ES", true, null);
        contact("Fleur", number("+33612", 6), "FR", true, null);
        CampaignView campaign = this.campaigns.create(draft(new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.MANUAL,
                List.of(whatsApp(DeliveredWhen.DELIVERED), rcs(), sms()))), "marketer");

        Preflight preflight = this.campaigns.preflight(campaign.id());

        CascadeForecast forecast = preflight.cascade();
        assertThat(forecast.currency()).isEqualTo("USD");
        // A step costs when it delivers (WhatsApp and RCS bill delivered messages):
        // ES: 0.75 x WhatsApp 0.025 + 0.25 x 0.4 x RCS 0.045 + 0.25 x 0.6 x SMS 0.0748
        // = 0.03447; FR: 0.6 x 0.035 + 0.4 x 0.4 x 0.045 + 0.4 x 0.6 x 0.0769 = 0.046656
        assertThat(forecast.expectedCost()).isEqualByComparingTo("0.0811");
        assertThat(forecast.smsOnlyCost()).isEqualByComparingTo("0.1517");
        assertThat(forecast.savings()).isEqualByComparingTo("0.0706");
        assertThat(forecast.savingsPercent()).isEqualByComparingTo("46.5");
        assertThat(preflight.estimatedCost()).as("the preflight's cost is the cascade's")
            .isEqualByComparingTo("0.0811");
        assertThat(forecast.channels()).extracting(CascadeForecast.ChannelForecast::channel)
            .containsExactly("WHATSAPP", "RCS", "SMS");
        CascadeForecast.ChannelForecast whatsApp = forecast.channels().get(0);
        assertThat(whatsApp.firstChoice()).isEqualTo(2);
        assertThat(whatsApp.expectedSent()).isEqualByComparingTo("2.0");
        assertThat(whatsApp.expectedDelivered()).isEqualByComparingTo("1.4"); // 0.75 +
                                                                              // 0.6
        assertThat(forecast.channels().get(1).expectedSent()).isEqualByComparingTo("0.7"); // 0.25
                                                                                           // +
                                                                                           // 0.4
        assertThat(forecast.channels().get(2).expectedSent()).isEqualByComparingTo("0.4"); // 0.15
                                                                                           // +
                                                                                           // 0.24
        CascadeForecast.CountryForecast spain = row(forecast, "ES", "WHATSAPP");
        assertThat(spain.rateSource()).isEqualTo("LEARNED");
        assertThat(spain.deliveryRate()).isEqualByComparingTo("75.0");
        assertThat(spain.history()).isGreaterThanOrEqualTo(200);
        assertThat(spain.unitPrice()).isEqualByComparingTo("0.0250");
        assertThat(row(forecast, "FR", "WHATSAPP").rateSource()).isEqualTo("DEFAULT");
        assertThat(row(forecast, "FR", "WHATSAPP").deliveryRate()).isEqualByComparingTo("60.0");
        assertThat(row(forecast, "ES", "RCS").rateSource()).isEqualTo("DEFAULT");
        assertThat(row(forecast, "ES", "RCS").deliveryRate()).isEqualByComparingTo("40.0");
        assertThat(row(forecast, "FR", "SMS").unitPrice()).isEqualByComparingTo("0.0769");
    }

    private static CascadeForecast.CountryForecast row(CascadeForecast forecast, String country, String channel) {
        return forecast.countries()
            .stream()
            .filter((c) -> c.country().equals(country) && c.channel().equals(channel))
            .findFirst()
            .orElseThrow();
    }

}
