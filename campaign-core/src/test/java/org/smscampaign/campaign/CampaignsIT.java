package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.SendWindow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Campaigns from draft to completion, through the link and messaging modules. */
@CampaignCoreIT
class CampaignsIT {

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignClock clock;

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

    @Autowired
    Brands brands;

    @Autowired
    org.smscampaign.campaign.launch.LaunchRunner launches;

    long list;

    List<ContactDetails> people;

    @BeforeEach
    void audience() {
        this.list = this.lists.create("Campaign test " + System.nanoTime(), null).id();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.people = List.of(
                contact("Anna", "+49176" + random.nextInt(10_000_000, 100_000_000), "DE", null,
                        ConsentStatus.SUBSCRIBED),
                contact("Ben", "+1212736" + random.nextInt(1000, 10_000), "US", "NY", ConsentStatus.SUBSCRIBED),
                contact(null, "+3361" + random.nextInt(1_000_000, 10_000_000), "FR", null, ConsentStatus.SUBSCRIBED),
                contact("Dora", "+49151" + random.nextInt(10_000_000, 100_000_000), "DE", null,
                        ConsentStatus.UNSUBSCRIBED));
        this.lists.add(this.list, this.people.stream().map(ContactDetails::id).toList());
    }

    private ContactDetails contact(String name, String number, String country, String region, ConsentStatus consent) {
        return this.contacts.create(new ContactInput(number, name, null, null, null, region, country, null, null, null,
                null, null, Map.of()), consent, ConsentSource.FORM, "test", "test");
    }

    private CampaignDraft draft(String name, CampaignDraft.Schedule schedule) {
        return new CampaignDraft(name, "default", null,
                new CampaignDraft.Audience(List.of(), List.of(this.list), List.of(), List.of()), List.of(
                        new CampaignDraft.Variant("A",
                                "Hi {{first_name|there}}, our autumn sale is on: "
                                        + "{{link:https://shop.example/autumn}}",
                                50),
                        new CampaignDraft.Variant("B",
                                "{{first_name|Hello}}! 20% off everything today: "
                                        + "{{link:https://shop.example/autumn}}",
                                50)),
                schedule, SendWindow.Policy.HOLD, true, null, 0, null,
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("8"))), 7, 7, List.of());
    }

    private CampaignView awaitLaunchWritten(long id) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            CampaignView campaign = this.campaigns.get(id);
            if (campaign.launch() != null && campaign.launch().finished()) {
                return campaign;
            }
            sleep(50);
        }
        throw new AssertionError("Launch of campaign " + id + " not written within 30 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private List<MessageView> messagesOf(long id) {
        return this.gateway.search(new MessageSearch(id, null, null), 100);
    }

    @Test
    void aPreflightRendersEveryRecipientAndSumsUpCostAndWarnings() {
        CampaignView campaign = this.campaigns.create(draft("Preflight", CampaignDraft.Schedule.now()), "marketer");

        Preflight preflight = this.campaigns.preflight(campaign.id());

        assertThat(preflight.recipients()).as("the subscribed three").isEqualTo(3);
        assertThat(preflight.excludedUnsubscribed()).isEqualTo(1);
        assertThat(preflight.variants()).extracting(Preflight.VariantPreflight::recipients)
            .containsExactlyInAnyOrder(preflight.variants().get(0).recipients(),
                    3 - preflight.variants().get(0).recipients());
        assertThat(preflight.variants()).allMatch((v) -> v.encoding().equals("GSM7"));
        assertThat(preflight.totalSegments()).isGreaterThanOrEqualTo(3);
        assertThat(preflight.fellBack()).as("one contact has no first name").isEqualTo(1);
        assertThat(preflight.estimatedCost()).isPositive();
        assertThat(preflight.warnings()).extracting(Preflight.Warning::code).contains("FALLBACKS");
        String sample = preflight.variants()
            .stream()
            .filter((v) -> v.sample() != null)
            .findFirst()
            .orElseThrow()
            .sample();
        // issue 17: the link as it will be sent, the brand's address and a code of the
        // true
        // length
        assertThat(preflight.sampleLink()).matches("http://localhost:8080/r/[0-9A-Za-z]{7}");
        assertThat(sample).contains(preflight.sampleLink()).containsPattern("\\n.*STOP.*$");
    }

    @Test
    void aSubscribedLandlineIsCountedByThePreflightAndLeftOutOfTheLaunch() {
        ContactDetails landline = contact("Lena", "+4930" + ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999),
                "DE", null, ConsentStatus.SUBSCRIBED);
        assertThat(landline.phoneType()).isEqualTo("FIXED_LINE");
        this.lists.add(this.list, List.of(landline.id()));
        CampaignView campaign = this.campaigns.create(draft("Landline", CampaignDraft.Schedule.now()), "marketer");

        Preflight preflight = this.campaigns.preflight(campaign.id());

        assertThat(preflight.recipients()).as("the subscribed three with mobiles").isEqualTo(3);
        assertThat(preflight.excludedUnsubscribed()).isEqualTo(1);
        assertThat(preflight.warnings()).anySatisfy((warning) -> {
            assertThat(warning.code()).isEqualTo("LANDLINES");
            assertThat(warning.message()).startsWith("1 contact of the audience has a landline number")
                .contains("landline, cannot receive SMS");
        });
        this.campaigns.launch(campaign.id(), "marketer");
        awaitLaunchWritten(campaign.id());
        assertThat(messagesOf(campaign.id())).hasSize(3)
            .extracting(MessageView::to)
            .doesNotContain(landline.phoneNumber());
    }

    @Test
    void aLaunchWritesOneMessageWithItsOwnLinkPerRecipientEvenWhenSubmittedTwice() {
        CampaignView campaign = this.campaigns.create(draft("Autumn sale", CampaignDraft.Schedule.now()), "marketer");

        this.campaigns.launch(campaign.id(), "marketer");
        this.campaigns.launch(campaign.id(), "marketer");
        CampaignView launched = awaitLaunchWritten(campaign.id());

        assertThat(launched.status()).isEqualTo(CampaignStatus.SENDING);
        assertThat(launched.launch().queued()).isEqualTo(3);
        List<MessageView> messages = messagesOf(campaign.id());
        assertThat(messages).hasSize(3);
        assertThat(messages).extracting(MessageView::body)
            .allMatch((body) -> body.matches("(?s).*http://localhost:8080/r/[0-9A-Za-z]{7}\n.*STOP.*"));
        assertThat(messages).extracting(MessageView::body)
            .as("each market's opt-out line")
            .anyMatch((body) -> body.endsWith("Antworte STOP zum Abmelden"))
            .anyMatch((body) -> body.endsWith("Reply STOP to opt out"))
            .anyMatch((body) -> body.endsWith("Répondez STOP pour ne plus recevoir de SMS"));
        assertThat(messages.stream().map(MessageView::body).distinct()).as("a link per recipient").hasSize(3);
        assertThat(this.jdbc.sql("select count(*) from short_link where campaign_id = :id and message_id is not null")
            .param("id", campaign.id())
            .query(Long.class)
            .single()).isEqualTo(3);
        assertThat(messages).extracting((m) -> m.attribution().variant())
            .allMatch((v) -> v.equals("A") || v.equals("B"));
        assertThat(launched.events()).extracting(CampaignView.EventView::kind).contains("TRANSITION", "LAUNCH");
    }

    @Test
    void pausingStopsSendingResumingContinuesAndCancellingWithdrawsTheRest() {
        CampaignDraft.Schedule later = new CampaignDraft.Schedule(CampaignDraft.ScheduleType.AT,
                Instant.now().plus(Duration.ofDays(3)), null, null);
        CampaignView campaign = this.campaigns.create(draft("Later", later), "marketer");
        assertThat(this.campaigns.launch(campaign.id(), "marketer").status()).isEqualTo(CampaignStatus.SCHEDULED);
        awaitLaunchWritten(campaign.id());

        assertThat(this.campaigns.pause(campaign.id(), "manager").status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(this.gateway.pauseOf(campaign.id())).isPresent();
        assertThat(this.campaigns.resume(campaign.id(), "manager").status()).as("its messages are not due yet")
            .isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(this.gateway.pauseOf(campaign.id())).isEmpty();

        CampaignView cancelled = this.campaigns.cancel(campaign.id(), "manager");

        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(messagesOf(campaign.id())).allMatch((m) -> m.status() == MessageStatus.CANCELED);
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.resume(campaign.id(), "manager"))
            .withMessageContaining("cancelled campaign cannot be resumed");
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.update(campaign.id(), draft("Renamed", CampaignDraft.Schedule.now()), "m"))
            .withMessageContaining("only drafts can be edited");
    }

    @Test
    void aLocalTimeScheduleSendsAtThatHourInEachRecipientsZone() {
        LocalDate date = LocalDate.now(ZoneId.of("UTC")).plusDays(10);
        while (date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        CampaignView campaign = this.campaigns.create(draft("Local ten o'clock",
                new CampaignDraft.Schedule(CampaignDraft.ScheduleType.LOCAL_TIME, null, date, LocalTime.of(10, 0))),
                "marketer");

        this.campaigns.launch(campaign.id(), "marketer");
        awaitLaunchWritten(campaign.id());

        for (MessageView message : messagesOf(campaign.id())) {
            ContactDetails contact = this.contacts.find(message.attribution().contactId()).orElseThrow();
            assertThat(message.dueAt().atZone(ZoneId.of(contact.timeZone())).toLocalTime()).as(contact.country())
                .isEqualTo(LocalTime.of(10, 0));
        }
        assertThat(this.campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.SCHEDULED);
    }

    @Test
    void recipientsOverTheFrequencyCapOrOptedOutGetNothingAndAreCounted() {
        CampaignView first = this.campaigns.create(draft("First", CampaignDraft.Schedule.now()), "marketer");
        this.campaigns.launch(first.id(), "marketer");
        awaitLaunchWritten(first.id());
        // A number that replied STOP before it became a contact: subscribed in the list,
        // suppressed at the gateway.
        String eve = "+49176" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        this.optOuts.suppress(eve, "replied STOP before the import");
        this.lists.add(this.list, List.of(contact("Eve", eve, "DE", null, ConsentStatus.SUBSCRIBED).id()));

        CampaignView second = this.campaigns.create(draft("Second the same day", CampaignDraft.Schedule.now()),
                "marketer");
        Preflight preflight = this.campaigns.preflight(second.id());
        this.campaigns.launch(second.id(), "marketer");
        CampaignView launched = awaitLaunchWritten(second.id());

        assertThat(preflight.excludedSuppressed()).isEqualTo(1);
        assertThat(preflight.capped()).as("everyone texted by the first campaign").isEqualTo(3);
        assertThat(launched.launch().capped()).isEqualTo(3);
        assertThat(launched.launch().queued()).isZero();
        assertThat(messagesOf(second.id())).isEmpty();
    }

    @Test
    void goalsChangedAfterLaunchAreLogged() {
        CampaignView campaign = this.campaigns.create(draft("Goals", CampaignDraft.Schedule.now()), "marketer");
        this.campaigns.launch(campaign.id(), "marketer");

        CampaignView changed = this.campaigns.changeGoals(campaign.id(),
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("5"))), "manager");

        assertThat(changed.draft().goals()).extracting(CampaignDraft.Goal::target).containsExactly(new BigDecimal("5"));
        assertThat(changed.events()).anySatisfy((event) -> {
            assertThat(event.kind()).isEqualTo("GOALS");
            assertThat(event.detail()).contains("Human click-through rate (%) ≥ 8")
                .contains("Human click-through rate (%) ≥ 5");
            assertThat(event.by()).isEqualTo("manager");
        });
        assertThat(changed.goalStates()).singleElement().satisfies((goal) -> {
            assertThat(goal.originalTarget()).isEqualByComparingTo("8");
            assertThat(goal.changes()).singleElement()
                .satisfies((c) -> assertThat(c.by() + " " + c.from() + " " + c.to()).isEqualTo("manager 8 5"));
        });
    }

    @Test
    void aLaunchInterruptedMidwayResumesWithoutLosingOrDuplicatingAnyone() {
        // 250 more recipients, written by SQL: batches of 100 take the COPY path.
        long big = this.lists.create("Launch test " + System.nanoTime(), null).id();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000);
        List<Long> ids = this.jdbc.sql("""
                insert into contact (phone_number, phone_type, first_name, country, time_zone, consent_status)
                select '+49176' || (:base + g), 'MOBILE', 'Kim', 'DE', 'Europe/Berlin', 'SUBSCRIBED'
                from generate_series(1, 250) g returning id""").param("base", base).query(Long.class).list();
        this.lists.add(big, ids);
        CampaignDraft draft = draft("Resumed", CampaignDraft.Schedule.now());
        CampaignView campaign = this.campaigns.create(
                new CampaignDraft(draft.name(), draft.sender(), null,
                        new CampaignDraft.Audience(List.of(), List.of(big), List.of(), List.of()), draft.variants(),
                        draft.schedule(), draft.windowPolicy(), true, null, 0, null, List.of(), 7, 7, List.of()),
                "marketer");
        this.campaigns.launch(campaign.id(), "marketer");
        awaitLaunchWritten(campaign.id());
        assertThat(messagesOf(campaign.id())).hasSize(100); // the first page of the
                                                            // search
        long cursor = ids.get(99);

        // The state a crash after the first batch leaves: its links, messages and cursor
        // only.
        this.gateway.cancel(campaign.id(), "test"); // nothing is sent meanwhile
        this.jdbc.sql("""
                delete from outbound_message_key where message_id in
                    (select id from outbound_message where campaign_id = :id and contact_id > :cursor)""")
            .param("id", campaign.id())
            .param("cursor", cursor)
            .update();
        this.jdbc.sql("delete from outbound_message where campaign_id = :id and contact_id > :cursor")
            .param("id", campaign.id())
            .param("cursor", cursor)
            .update();
        this.jdbc.sql("delete from short_link where campaign_id = :id and contact_id > :cursor")
            .param("id", campaign.id())
            .param("cursor", cursor)
            .update();
        this.jdbc.sql("update outbound_message set status = 'QUEUED', final_at = null where campaign_id = :id")
            .param("id", campaign.id())
            .update();
        this.jdbc
            .sql("update campaign set launch_cursor = :cursor, launch_finished_at = null, queued_count = 100, "
                    + "audience_count = 100 where id = :id")
            .param("id", campaign.id())
            .param("cursor", cursor)
            .update();

        this.clock.resumeInterruptedLaunches();
        CampaignView resumed = awaitLaunchWritten(campaign.id());

        assertThat(resumed.launch().queued()).isEqualTo(250);
        assertThat(this.jdbc
            .sql("select count(*), count(distinct contact_id) from outbound_message where campaign_id = :id")
            .param("id", campaign.id())
            .query((row, n) -> List.of(row.getLong(1), row.getLong(2)))
            .single()).containsExactly(250L, 250L);
        assertThat(this.jdbc.sql("select count(distinct message_id) from short_link where campaign_id = :id")
            .param("id", campaign.id())
            .query(Long.class)
            .single()).isEqualTo(250);
    }

    @Test
    void anAbTestSendsTheWinnerToThoseWhoWaitedWhenTheTestEnds() {
        long big = this.lists.create("A/B test " + System.nanoTime(), null).id();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000);
        this.lists.add(big, this.jdbc.sql("""
                insert into contact (phone_number, phone_type, first_name, country, time_zone, consent_status)
                select '+49151' || (:base + g), 'MOBILE', 'Lou', 'DE', 'Europe/Berlin', 'SUBSCRIBED'
                from generate_series(1, 60) g returning id""").param("base", base).query(Long.class).list());
        CampaignDraft template = draft("A/B", CampaignDraft.Schedule.now());
        CampaignView campaign = this.campaigns.create(new CampaignDraft("A/B", "default", null,
                new CampaignDraft.Audience(List.of(), List.of(big), List.of(), List.of()), template.variants(),
                template.schedule(), SendWindow.Policy.HOLD, true, null, 0,
                new CampaignDraft.Winner(25, 2, CampaignDraft.WinnerMetric.HUMAN_CTR), List.of(), 7, 7, List.of()),
                "marketer");
        this.campaigns.launch(campaign.id(), "marketer");
        CampaignView testing = awaitLaunchWritten(campaign.id());
        assertThat(testing.launch().waiting()).isPositive();
        assertThat(testing.launch().queued() + testing.launch().waiting()).isEqualTo(60);

        this.jdbc.sql("update campaign set first_due_at = now() - interval '3 hours' where id = :id")
            .param("id", campaign.id())
            .update();
        this.clock.tick();

        Instant deadline = Instant.now().plusSeconds(20);
        CampaignView done = this.campaigns.get(campaign.id());
        while (done.launch().waiting() > 0 && Instant.now().isBefore(deadline)) {
            sleep(50);
            done = this.campaigns.get(campaign.id());
        }
        assertThat(done.winnerVariant()).as("no clicks: no significant winner, the control").isEqualTo("A");
        assertThat(done.launch().waiting()).isZero();
        assertThat(done.launch().queued()).isEqualTo(60);
        assertThat(done.events()).anySatisfy((event) -> assertThat(event.detail())
            .startsWith("No significant difference after 2 h; sent the control (A) as configured"));
        assertThat(this.jdbc
            .sql("select count(*) from outbound_message where campaign_id = :id and variant = :winner "
                    + "and idempotency_key like '%:winner'")
            .param("id", campaign.id())
            .param("winner", done.winnerVariant())
            .query(Long.class)
            .single()).isEqualTo(testing.launch().waiting());
    }

    private CampaignDraft linkDraft(String target, Long brandId) {
        return new CampaignDraft("Links " + System.nanoTime(), "default", brandId,
                new CampaignDraft.Audience(List.of(), List.of(this.list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A",
                        "Our autumn sale is on, see what is new: {{link:" + target + "}}", 100)),
                new CampaignDraft.Schedule(CampaignDraft.ScheduleType.NOW, null, null, null), SendWindow.Policy.HOLD,
                true, null, 0, null, List.of(), 7, 7, List.of());
    }

    private BrandView brand(String... allowedDomains) {
        long n = System.nanoTime();
        return this.brands.create("Campaign brand " + n, "https://go" + n + ".example/", null, List.of(allowedDomains),
                List.of(), false);
    }

    /**
     * Issue 16, finding 7: drafts and the preflight did not check {{link:...}} targets by
     * the brand's rules (the launch then failed for ever).
     */
    @Test
    void draftsAndThePreflightCheckEveryLinkByTheBrandsRules() {
        BrandView shopOnly = brand("shop.example");
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.create(linkDraft("http://127.0.0.1:8082/actuator", null), "m"))
            .withMessageStartingWith("variant A: ")
            .withMessageContaining("internal");
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.create(linkDraft("http://0x7f000001:8082/actuator", null), "m"))
            .withMessageContaining("internal");
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.create(linkDraft("https://evil.example/", shopOnly.id()), "m"))
            .withMessageContaining("shop.example");
        CampaignView fine = this.campaigns.create(linkDraft("https://shop.example/autumn", shopOnly.id()), "m");
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.update(fine.id(), linkDraft("https://evil.example/", shopOnly.id()), "m"))
            .withMessageContaining("shop.example");

        BrandView open = brand();
        CampaignView saved = this.campaigns.create(linkDraft("https://outlet.example/autumn", open.id()), "m");
        this.brands.updateRules(open.id(), null, List.of("shop.example"));

        assertThat(this.campaigns.preflight(saved.id()).warnings()).first()
            .satisfies((warning) -> assertThat(warning.code()).isEqualTo("LINK_REFUSED"))
            .satisfies((warning) -> assertThat(warning.message()).startsWith("variant A: ").contains("shop.example"));
        assertThatExceptionOfType(CampaignProblem.class).isThrownBy(() -> this.campaigns.launch(saved.id(), "m"))
            .withMessageContaining("shop.example");
        assertThat(this.campaigns.get(saved.id()).status()).isEqualTo(CampaignStatus.DRAFT);
    }

    /**
     * Issue 16, finding 7: a launch whose link the brand's rules refused was retried
     * every minute for ever, with no reason anywhere a person would look.
     */
    @Test
    void aLaunchWhoseLinkBecameInvalidPausesWithTheReasonUntilResumed() throws Exception {
        BrandView brand = brand();
        long id = this.campaigns.create(linkDraft("https://shop.example/autumn", brand.id()), "m").id();
        // launched, its messages not written yet (as after a crash); then the rules
        // change
        this.jdbc.sql("update campaign set status = 'SENDING', launched_at = now(), launched_by = 'm' where id = :id")
            .param("id", id)
            .update();
        this.brands.updateRules(brand.id(), null, List.of("other.example"));

        this.launches.submit(id).get(30, java.util.concurrent.TimeUnit.SECONDS);

        CampaignView paused = this.campaigns.get(id);
        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(paused.pauseReason()).startsWith("Launch stopped: variant A: ").contains("other.example");
        this.clock.tick();
        this.launches.submit(id).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(messagesOf(id)).isEmpty();
        assertThat(this.campaigns.get(id).status()).isEqualTo(CampaignStatus.PAUSED);

        this.brands.updateRules(brand.id(), null, List.of());
        this.campaigns.resume(id, "m");
        this.launches.submit(id).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(awaitLaunchWritten(id).launch().queued()).isEqualTo(3);
        assertThat(this.campaigns.get(id).pauseReason()).isNull();
    }

    @Test
    void invalidDraftsAreRefusedWithTheReason() {
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.create(new CampaignDraft("", "default", null, null, List.of(), null, null,
                    true, null, 0, null, null, 7, 7, List.of()), "m"))
            .withMessageContaining("name");
        CampaignDraft badLink = new CampaignDraft("Bad link", "default", null, null,
                List.of(new CampaignDraft.Variant("A", "Go {{link:javascript:alert(1)}}", 100)), null, null, true, null,
                0, null, null, 7, 7, List.of());
        assertThatExceptionOfType(CampaignProblem.class).isThrownBy(() -> this.campaigns.create(badLink, "m"))
            .withMessageContaining("variant A");
        CampaignDraft badSplit = new CampaignDraft("Split", "default", null, null,
                List.of(new CampaignDraft.Variant("A", "One", 60), new CampaignDraft.Variant("B", "Two", 60)), null,
                null, true, null, 0, null, null, 7, 7, List.of());
        assertThatExceptionOfType(CampaignProblem.class).isThrownBy(() -> this.campaigns.create(badSplit, "m"))
            .withMessageContaining("120%");
    }

}
