package org.smscampaign.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.campaign.launch.LaunchRunner;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.webhook.endpoint.EndpointStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: a campaign's multi-step changes (the A/B decision and its send, a gateway
 * pause and the campaign's status, a transition and its webhook, the launch's end and its
 * log line) commit together or are carried out by the clock after a crash. Each test
 * leaves what a process dying between the steps leaves (written straight into PostgreSQL,
 * or a step made to fail by a trigger), runs the repair twice and checks the state a
 * person would see.
 */
@CampaignCoreIT
class StepsCommitTogetherIT {

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignClock clock;

    @Autowired
    LaunchRunner launches;

    @Autowired
    ContactLists lists;

    @Autowired
    MessageGateway gateway;

    @Autowired
    OptOuts optOuts;

    @Autowired
    EndpointStore endpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate ddl;

    @Test
    void aDecidedWinnerWhoseSendDiedReachesEveryoneWhoWaitedOnceAndTheCampaignCompletes() {
        CampaignView testing = sending(abTest(60, CampaignDraft.WinnerFallback.SEND_CONTROL));
        int waiting = testing.launch().waiting();
        assertThat(waiting).isPositive();
        // What the process committed before it died: the decision with its event only.
        this.jdbc.sql("""
                update campaign set winner_variant = 'B', winner_chosen_at = now(), ab_outcome = 'SIGNIFICANT',
                    ab_explanation = 'B won', ab_decided_at = now() where id = :id""")
            .param("id", testing.id())
            .update();
        this.jdbc
            .sql("insert into campaign_event (campaign_id, kind, detail, by_user) values (:id, 'WINNER', 'B won', "
                    + "'A/B test')")
            .param("id", testing.id())
            .update();
        deliver(testing.id());
        assertThat(this.campaigns.get(testing.id()).launch().waiting()).as("people still wait for the winner")
            .isEqualTo(waiting);
        assertThat(winnerMessages(testing.id())).containsExactly(0L, 0L);

        this.clock.tick();
        awaitWinnerSendDone(testing.id());
        deliver(testing.id());
        this.clock.tick();
        this.clock.resumeInterruptedLaunches();
        this.clock.tick();

        CampaignView done = this.campaigns.get(testing.id());
        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(done.launch().waiting()).isZero();
        assertThat(winnerMessages(testing.id())).as("each who waited got the winner once")
            .containsExactly((long) waiting, (long) waiting);
        assertThat(done.events()).filteredOn((e) -> e.detail() != null && e.detail().startsWith("Variant B sent"))
            .hasSize(1);
        assertThat(done.events()).filteredOn((e) -> e.to() == CampaignStatus.COMPLETED).hasSize(1);
    }

    @Test
    void aWinnerSendThatDiedMidwayResumesWithThoseStillWaitingOnly() {
        CampaignView testing = sending(abTest(60, CampaignDraft.WinnerFallback.SEND_CONTROL));
        int waiting = testing.launch().waiting();
        this.jdbc.sql("""
                update campaign set winner_variant = 'B', winner_chosen_at = now(), ab_outcome = 'SIGNIFICANT',
                    ab_decided_at = now() where id = :id""").param("id", testing.id()).update();
        this.clock.tick();
        awaitWinnerSendDone(testing.id());
        // What a death before the last batch's commit leaves: its people still waiting,
        // without messages, links or counts, and the send unfinished.
        List<Long> lastBatch = this.jdbc
            .sql("select contact_id from campaign_recipient where campaign_id = :id and role = 'SENT' "
                    + "order by contact_id desc limit 10")
            .param("id", testing.id())
            .query(Long.class)
            .list();
        this.jdbc.sql("""
                delete from outbound_message_key where message_id in
                    (select id from outbound_message where campaign_id = :id and contact_id = any(:ids))""")
            .param("id", testing.id())
            .param("ids", lastBatch.toArray(Long[]::new))
            .update();
        for (String table : List.of("outbound_message", "short_link")) {
            this.jdbc.sql("delete from " + table + " where campaign_id = :id and contact_id = any(:ids)")
                .param("id", testing.id())
                .param("ids", lastBatch.toArray(Long[]::new))
                .update();
        }
        this.jdbc.sql("""
                update campaign_recipient set role = 'WAITING' where campaign_id = :id
                    and contact_id = any(:ids)""")
            .param("id", testing.id())
            .param("ids", lastBatch.toArray(Long[]::new))
            .update();
        this.jdbc.sql("""
                update campaign set winner_finished_at = null, waiting_count = 10, queued_count = queued_count - 10
                where id = :id""").param("id", testing.id()).update();
        this.jdbc.sql("delete from campaign_event where campaign_id = :id and detail like 'Variant B sent%'")
            .param("id", testing.id())
            .update();

        this.clock.resumeInterruptedLaunches();
        awaitWinnerSendDone(testing.id());
        this.clock.tick();
        this.clock.resumeInterruptedLaunches();

        CampaignView resumed = this.campaigns.get(testing.id());
        assertThat(winnerMessages(testing.id())).containsExactly((long) waiting, (long) waiting);
        assertThat(resumed.launch().waiting()).isZero();
        assertThat(resumed.launch().queued()).isEqualTo(60);
        assertThat(resumed.events()).filteredOn((e) -> e.detail() != null && e.detail().startsWith("Variant B sent"))
            .hasSize(1);
    }

    @Test
    void whoWaitedButWasLeftOutOfTheWinnerSendNoLongerKeepsTheCampaignOpen() {
        CampaignView testing = sending(abTest(60, CampaignDraft.WinnerFallback.SEND_CONTROL));
        int waiting = testing.launch().waiting();
        List<Long> waiters = this.jdbc
            .sql("select contact_id from campaign_recipient where campaign_id = :id and role = 'WAITING' "
                    + "order by contact_id limit 2")
            .param("id", testing.id())
            .query(Long.class)
            .list();
        assertThat(waiters).hasSize(2);
        this.optOuts.suppress(phoneOf(waiters.get(0)), "replied STOP during the test");
        this.lists.remove(listOf(testing), List.of(waiters.get(1)));
        deliver(testing.id());
        endWindow(testing.id());

        this.clock.tick();
        awaitWinnerSendDone(testing.id());
        deliver(testing.id());
        this.clock.tick();

        CampaignView done = this.campaigns.get(testing.id());
        assertThat(done.winnerVariant()).isEqualTo("A");
        assertThat(done.launch().waiting()).isZero();
        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(winnerMessages(testing.id())).containsExactly(waiting - 2L, waiting - 2L);
        assertThat(roles(testing.id(), "SKIPPED")).isEqualTo(2);
        assertThat(roles(testing.id(), "WAITING")).isZero();
        assertThat(done.events()).anySatisfy((event) -> assertThat(event.detail())
            .startsWith("Variant A sent to the recipients who waited for the test's result (")
            .endsWith(" no longer in the audience)"));
    }

    @Test
    void aStopDecisionWhoseStopDiedStillEndsTheCampaignWithoutSendingMore() {
        CampaignView testing = sending(abTest(60, CampaignDraft.WinnerFallback.STOP));
        int waiting = testing.launch().waiting();
        long messages = messages(testing.id());
        this.jdbc.sql("""
                update campaign set ab_outcome = 'STOP', ab_explanation = 'stopped', ab_decided_at = now()
                where id = :id""").param("id", testing.id()).update();
        deliver(testing.id());

        this.clock.tick();
        this.clock.tick();

        CampaignView done = this.campaigns.get(testing.id());
        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(done.launch().waiting()).isZero();
        assertThat(roles(testing.id(), "STOPPED")).isEqualTo(waiting);
        assertThat(messages(testing.id())).as("nobody who waited got a message").isEqualTo(messages);
        assertThat(done.events()).filteredOn((e) -> e.to() == CampaignStatus.COMPLETED).hasSize(1);
    }

    @Test
    void aGatewayPauseTheCampaignNeverHeardOfShowsAsPausedOnceWithItsWebhook() {
        CampaignView campaign = sending(plain());
        long endpoint = endpoint("campaign.paused");
        try {
            // The error storm's pause committed; the process died before the campaign
            // heard of it.
            this.jdbc
                .sql("insert into dispatch_pause (campaign_id, reason, paused_by) values (:id, "
                        + "'Paused automatically: 9 of the last 10 messages failed.', 'error storm')")
                .param("id", campaign.id())
                .update();
            assertThat(this.campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.SENDING);

            this.clock.tick();
            this.clock.tick();

            CampaignView paused = this.campaigns.get(campaign.id());
            assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
            assertThat(paused.events()).filteredOn((e) -> e.to() == CampaignStatus.PAUSED)
                .singleElement()
                .satisfies((e) -> assertThat(e.by() + ": " + e.detail())
                    .isEqualTo("error storm: Paused automatically: 9 of the last 10 messages failed."));
            assertThat(deliveries(endpoint, "campaign.paused")).isEqualTo(1);

            // The usual path: the pause, then the campaign in a transaction of its own.
            this.campaigns.resume(campaign.id(), "manager");
            this.gateway.pause(campaign.id(), "Paused automatically again.", "error storm");
            assertThat(this.campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.PAUSED);
            this.clock.tick();
            assertThat(this.campaigns.get(campaign.id()).events()).filteredOn((e) -> e.to() == CampaignStatus.PAUSED)
                .hasSize(2);
            assertThat(deliveries(endpoint, "campaign.paused")).isEqualTo(2);
        }
        finally {
            deleteEndpoint(endpoint);
        }
    }

    @Test
    void aTransitionWhoseWebhookCannotBeWrittenLeavesNeitherStatusNorHistory() throws Exception {
        CampaignView campaign = sending(plain());
        deliver(campaign.id());
        long endpoint = endpoint("campaign.completed");
        try {
            try (AutoCloseable fault = failInserts("webhook_delivery", "new.endpoint_id = " + endpoint)) {
                this.clock.tick();
            }
            CampaignView stuck = this.campaigns.get(campaign.id());
            assertThat(stuck.status()).isEqualTo(CampaignStatus.SENDING);
            assertThat(stuck.events()).noneMatch((e) -> e.to() == CampaignStatus.COMPLETED);
            assertThat(deliveries(endpoint, "campaign.completed")).isZero();

            this.clock.tick();
            this.clock.tick();

            CampaignView done = this.campaigns.get(campaign.id());
            assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(done.events()).filteredOn((e) -> e.to() == CampaignStatus.COMPLETED).hasSize(1);
            assertThat(deliveries(endpoint, "campaign.completed")).isEqualTo(1);
        }
        finally {
            deleteEndpoint(endpoint);
        }
    }

    @Test
    void aLaunchsEndAndItsLogLineCommitTogetherAndAResumeWritesThemOnce() throws Exception {
        // The log line fails: the launch is not marked written either.
        CampaignView failing = this.campaigns.create(draft("Launch end " + System.nanoTime(), list(3), null),
                "marketer");
        markLaunched(failing.id());
        try (AutoCloseable fault = failInserts("campaign_event",
                "new.campaign_id = " + failing.id() + " and new.kind = 'LAUNCH'")) {
            this.launches.submit(failing.id()).get(30, TimeUnit.SECONDS);
        }
        assertThat(messages(failing.id())).isEqualTo(3);
        assertThat(launchFinished(failing.id())).isFalse();
        assertThat(launchEvents(failing.id())).isZero();
        this.campaigns.cancel(failing.id(), "test");

        // The process died after the last batch, before the launch's end.
        CampaignView died = this.campaigns.create(draft("Launch end " + System.nanoTime(), list(3), null), "marketer");
        this.campaigns.launch(died.id(), "marketer");
        await(() -> launchFinished(died.id()), "launch written");
        this.jdbc.sql("update campaign set launch_finished_at = null where id = :id").param("id", died.id()).update();
        this.jdbc.sql("delete from campaign_event where campaign_id = :id and kind = 'LAUNCH'")
            .param("id", died.id())
            .update();

        this.clock.resumeInterruptedLaunches();
        await(() -> launchFinished(died.id()), "launch resumed");
        this.clock.resumeInterruptedLaunches();
        this.clock.tick();

        assertThat(launchEvents(died.id())).isEqualTo(1);
        assertThat(messages(died.id())).isEqualTo(3);
        assertThat(this.campaigns.get(died.id()).launch().queued()).isEqualTo(3);
    }

    private CampaignView abTest(int people, CampaignDraft.WinnerFallback fallback) {
        return this.campaigns.create(
                draft("A/B " + System.nanoTime(), list(people),
                        new CampaignDraft.Winner(50, 2, CampaignDraft.WinnerMetric.HUMAN_CTR, null, null, fallback)),
                "marketer");
    }

    private CampaignView plain() {
        return this.campaigns.create(draft("Steps " + System.nanoTime(), list(3), null), "marketer");
    }

    private long list(int people) {
        long list = this.lists.create("Steps " + System.nanoTime(), null).id();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000);
        this.lists.add(list,
                this.jdbc.sql("""
                        insert into contact (phone_number, phone_type, first_name, country, time_zone, consent_status)
                        select '+49157' || (:base + g), 'MOBILE', 'Kim', 'DE', 'Europe/Berlin', 'SUBSCRIBED'
                        from generate_series(1, :people) g returning id""")
                    .param("base", base)
                    .param("people", people)
                    .query(Long.class)
                    .list());
        return list;
    }

    private static CampaignDraft draft(String name, long list, CampaignDraft.Winner winner) {
        return new CampaignDraft(name, "default", null,
                new CampaignDraft.Audience(List.of(), List.of(list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", "Autumn sale: {{link:https://shop.example/autumn}}", 50),
                        new CampaignDraft.Variant("B", "20% off today: {{link:https://shop.example/autumn}}", 50)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, winner, List.of(), 7, 7,
                List.of());
    }

    private static long listOf(CampaignView campaign) {
        return campaign.draft().audience().lists().get(0);
    }

    /** Launched, written and sending (its messages are due now). */
    private CampaignView sending(CampaignView campaign) {
        this.campaigns.launch(campaign.id(), "marketer");
        await(() -> launchFinished(campaign.id()), "launch written");
        this.clock.tick();
        CampaignView launched = this.campaigns.get(campaign.id());
        assertThat(launched.status()).isEqualTo(CampaignStatus.SENDING);
        return launched;
    }

    private void markLaunched(long id) {
        this.jdbc.sql("update campaign set status = 'SENDING', launched_at = now(), launched_by = 'm' where id = :id")
            .param("id", id)
            .update();
    }

    private void deliver(long campaignId) {
        this.jdbc.sql("update outbound_message set status = 'DELIVERED', final_at = now() where campaign_id = :id")
            .param("id", campaignId)
            .update();
    }

    private void endWindow(long campaignId) {
        this.jdbc.sql("update campaign set first_due_at = now() - interval '3 hours' where id = :id")
            .param("id", campaignId)
            .update();
    }

    private void awaitWinnerSendDone(long campaignId) {
        await(() -> this.jdbc.sql("select winner_finished_at is not null from campaign where id = :id")
            .param("id", campaignId)
            .query(Boolean.class)
            .single(), "the winner send finished");
    }

    private boolean launchFinished(long campaignId) {
        return this.jdbc.sql("select launch_finished_at is not null from campaign where id = :id")
            .param("id", campaignId)
            .query(Boolean.class)
            .single();
    }

    private long launchEvents(long campaignId) {
        return this.jdbc.sql("select count(*) from campaign_event where campaign_id = :id and kind = 'LAUNCH'")
            .param("id", campaignId)
            .query(Long.class)
            .single();
    }

    private String phoneOf(long contactId) {
        return this.jdbc.sql("select phone_number from contact where id = :id")
            .param("id", contactId)
            .query(String.class)
            .single();
    }

    private long messages(long campaignId) {
        return this.jdbc.sql("select count(*) from outbound_message where campaign_id = :id")
            .param("id", campaignId)
            .query(Long.class)
            .single();
    }

    /** How many winner messages, and to how many different people. */
    private List<Long> winnerMessages(long campaignId) {
        return this.jdbc
            .sql("select count(*), count(distinct contact_id) from outbound_message where campaign_id = :id "
                    + "and idempotency_key like '%:winner'")
            .param("id", campaignId)
            .query((row, n) -> List.of(row.getLong(1), row.getLong(2)))
            .single();
    }

    private long roles(long campaignId, String role) {
        return this.jdbc.sql("select count(*) from campaign_recipient where campaign_id = :id and role = :role")
            .param("id", campaignId)
            .param("role", role)
            .query(Long.class)
            .single();
    }

    private long endpoint(String type) {
        return this.endpoints.insert("https://hooks.example.com/" + UUID.randomUUID(), "steps test", List.of(type),
                true, "whsec_steps", "test");
    }

    private void deleteEndpoint(long id) {
        this.jdbc.sql("delete from webhook_endpoint where id = :id").param("id", id).update();
    }

    private long deliveries(long endpoint, String type) {
        return this.jdbc
            .sql("select count(*) from webhook_delivery where endpoint_id = :endpoint and event_type = :type")
            .param("endpoint", endpoint)
            .param("type", type)
            .query(Long.class)
            .single();
    }

    /**
     * Makes inserts into a table fail where the condition holds, as if the process died
     * at that step; closing it lifts the fault.
     */
    private AutoCloseable failInserts(String table, String condition) {
        String name = "died_here_" + System.nanoTime();
        this.ddl.execute("create function " + name + "() returns trigger language plpgsql as $$ begin if " + condition
                + " then raise exception 'the process died here'; end if; return new; end $$");
        this.ddl.execute("create trigger " + name + " before insert on " + table + " for each row execute function "
                + name + "()");
        return () -> {
            this.ddl.execute("drop trigger if exists " + name + " on " + table);
            this.ddl.execute("drop function if exists " + name + "()");
        };
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
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
