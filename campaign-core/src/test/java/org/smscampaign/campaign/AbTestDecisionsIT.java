package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.messaging.SendWindow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the A/B test decides by the sequential test on every tick; a significant
 * winner goes to those who waited at once, else the fallback rule applies at the end.
 */
@CampaignCoreIT
class AbTestDecisionsIT {

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignClock clock;

    @Autowired
    ContactLists lists;

    @Autowired
    AbTests abTests;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignificantWinnerGoesToThoseWhoWaitedBeforeTheWindowEnds() {
        CampaignView testing = launch(1_200, new CampaignDraft.Winner(90, 24, CampaignDraft.WinnerMetric.HUMAN_CTR,
                new BigDecimal("95"), 200, CampaignDraft.WinnerFallback.SEND_CONTROL));
        long waiting = testing.launch().waiting();
        assertThat(waiting).isPositive();
        deliver(testing.id());
        click(testing.id(), "A", 10);
        click(testing.id(), "B", 60);

        this.clock.tick();

        CampaignView done = awaitNobodyWaiting(testing.id());
        assertThat(done.winnerVariant()).isEqualTo("B");
        assertThat(this.abTests.status(testing.id()).outcome()).isEqualTo("SIGNIFICANT");
        assertThat(done.events()).anySatisfy((event) -> assertThat(event.detail()).startsWith("B won: CTR ")
            .contains("always-valid p ")
            .contains("< 0.05, "));
        assertThat(winnerMessages(testing.id(), "B")).isEqualTo(waiting);
    }

    @Test
    void withoutASignificantWinnerTheControlIsSentAtTheWindowsEnd() {
        CampaignView testing = launch(60, new CampaignDraft.Winner(50, 2, CampaignDraft.WinnerMetric.HUMAN_CTR));
        long waiting = testing.launch().waiting();
        deliver(testing.id());
        click(testing.id(), "B", 3);
        this.clock.tick();
        assertThat(this.campaigns.get(testing.id()).winnerVariant()).as("the window is still open").isNull();

        endWindow(testing.id());
        this.clock.tick();

        CampaignView done = awaitNobodyWaiting(testing.id());
        assertThat(done.winnerVariant()).isEqualTo("A");
        assertThat(this.abTests.status(testing.id()).outcome()).isEqualTo("SEND_CONTROL");
        assertThat(done.events()).anySatisfy((event) -> assertThat(event.detail())
            .startsWith("No significant difference after 2 h; sent the control (A) as configured"));
        assertThat(winnerMessages(testing.id(), "A")).isEqualTo(waiting);
    }

    @Test
    void withoutASignificantWinnerTheHigherRateIsSentWhenSoConfigured() {
        CampaignView testing = launch(60, new CampaignDraft.Winner(50, 2, CampaignDraft.WinnerMetric.HUMAN_CTR, null,
                null, CampaignDraft.WinnerFallback.SEND_HIGHER_RATE));
        long waiting = testing.launch().waiting();
        deliver(testing.id());
        click(testing.id(), "B", 3);
        endWindow(testing.id());

        this.clock.tick();

        CampaignView done = awaitNobodyWaiting(testing.id());
        assertThat(done.winnerVariant()).isEqualTo("B");
        assertThat(done.events()).anySatisfy((event) -> assertThat(event.detail())
            .startsWith("No significant difference after 2 h; sent B, the higher CTR, as configured"));
        assertThat(winnerMessages(testing.id(), "B")).isEqualTo(waiting);
    }

    @Test
    void withoutASignificantWinnerAStoppedTestSendsNothingMore() {
        CampaignView testing = launch(60, new CampaignDraft.Winner(50, 2, CampaignDraft.WinnerMetric.HUMAN_CTR, null,
                null, CampaignDraft.WinnerFallback.STOP));
        long waiting = testing.launch().waiting();
        long messages = messages(testing.id());
        deliver(testing.id());
        endWindow(testing.id());

        this.clock.tick();
        this.clock.tick();

        CampaignView done = this.campaigns.get(testing.id());
        assertThat(done.winnerVariant()).isNull();
        assertThat(done.launch().waiting()).isZero();
        assertThat(this.abTests.status(testing.id()).outcome()).isEqualTo("STOP");
        assertThat(done.events()).anySatisfy((event) -> assertThat(event.detail())
            .startsWith("No significant difference after 2 h; stopped as configured: the " + waiting
                    + " recipients who waited get no message"));
        assertThat(messages(testing.id())).as("nobody who waited got a message").isEqualTo(messages);
        assertThat(this.jdbc.sql("select count(*) from campaign_recipient where campaign_id = :id and role = 'STOPPED'")
            .param("id", testing.id())
            .query(Long.class)
            .single()).isEqualTo(waiting);
    }

    @Test
    void thePreflightWarnsWhenTheTestShareCannotReachTheMinimumSample() {
        CampaignView small = create(60, new CampaignDraft.Winner(50, 2, CampaignDraft.WinnerMetric.HUMAN_CTR));
        assertThat(this.campaigns.preflight(small.id()).warnings())
            .anySatisfy((warning) -> assertThat(warning.message()).startsWith("A/B test: variant A goes to ")
                .contains("fewer than the minimum sample of 1,000 delivered")
                .contains("the control (variant A) goes to the rest"));
        CampaignView enough = create(120, new CampaignDraft.Winner(50, 2, CampaignDraft.WinnerMetric.HUMAN_CTR,
                new BigDecimal("90"), 10, CampaignDraft.WinnerFallback.STOP));
        assertThat(this.campaigns.preflight(enough.id()).warnings()).extracting(Preflight.Warning::code)
            .doesNotContain("AB_SMALL_SAMPLE");
    }

    private CampaignView launch(int people, CampaignDraft.Winner winner) {
        return launched(create(people, winner));
    }

    private CampaignView create(int people, CampaignDraft.Winner winner) {
        long list = this.lists.create("A/B decisions " + System.nanoTime(), null).id();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000);
        this.lists.add(list,
                this.jdbc.sql("""
                        insert into contact (phone_number, phone_type, first_name, country, time_zone, consent_status)
                        select '+49152' || (:base + g), 'MOBILE', 'Kim', 'DE', 'Europe/Berlin', 'SUBSCRIBED'
                        from generate_series(1, :people) g returning id""")
                    .param("base", base)
                    .param("people", people)
                    .query(Long.class)
                    .list());
        CampaignView campaign = this.campaigns.create(new CampaignDraft("A/B " + System.nanoTime(), "default", null,
                new CampaignDraft.Audience(List.of(), List.of(list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", "Autumn sale: {{link:https://shop.example/autumn}}", 50),
                        new CampaignDraft.Variant("B", "20% off today: {{link:https://shop.example/autumn}}", 50)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, winner, List.of(), 7, 7,
                List.of()), "marketer");
        return campaign;
    }

    private CampaignView launched(CampaignView campaign) {
        this.campaigns.launch(campaign.id(), "marketer");
        Instant deadline = Instant.now().plusSeconds(60);
        CampaignView launched = this.campaigns.get(campaign.id());
        while (!(launched.launch() != null && launched.launch().finished()) && Instant.now().isBefore(deadline)) {
            pause();
            launched = this.campaigns.get(campaign.id());
        }
        assertThat(launched.launch().finished()).as("launch written").isTrue();
        // The test's messages are due now: the clock's tick turns the campaign to
        // SENDING.
        this.clock.tick();
        assertThat(this.campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.SENDING);
        return launched;
    }

    private void deliver(long campaignId) {
        this.jdbc.sql("update outbound_message set status = 'DELIVERED' where campaign_id = :id")
            .param("id", campaignId)
            .update();
    }

    /** Human clicks on the links of some recipients of a variant. */
    private void click(long campaignId, String variant, int clickers) {
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                select (select coalesce(max(id), 0) from link_click) + row_number() over (), l.id, now(), 'GET',
                    true, true
                from (select id from short_link where campaign_id = :id and variant = :variant order by id
                      limit :clickers) l""")
            .param("id", campaignId)
            .param("variant", variant)
            .param("clickers", clickers)
            .update();
    }

    private void endWindow(long campaignId) {
        this.jdbc.sql("update campaign set first_due_at = now() - interval '3 hours' where id = :id")
            .param("id", campaignId)
            .update();
    }

    private CampaignView awaitNobodyWaiting(long campaignId) {
        Instant deadline = Instant.now().plusSeconds(30);
        CampaignView campaign = this.campaigns.get(campaignId);
        while (campaign.launch().waiting() > 0 && Instant.now().isBefore(deadline)) {
            pause();
            campaign = this.campaigns.get(campaignId);
        }
        assertThat(campaign.launch().waiting()).as("everyone who waited was sent the winner").isZero();
        return campaign;
    }

    private long messages(long campaignId) {
        return this.jdbc.sql("select count(*) from outbound_message where campaign_id = :id")
            .param("id", campaignId)
            .query(Long.class)
            .single();
    }

    private long winnerMessages(long campaignId, String variant) {
        return this.jdbc
            .sql("select count(*) from outbound_message where campaign_id = :id and variant = :variant "
                    + "and idempotency_key like '%:winner'")
            .param("id", campaignId)
            .param("variant", variant)
            .query(Long.class)
            .single();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
