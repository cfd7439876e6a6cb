package org.smscampaign.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.link.Brands;
import org.smscampaign.report.judgement.GoalJudge;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The response funnel on a data set computed by hand: ten delivered messages (six of
 * variant A, four of B); six numbers respond (a keyword, queries, other texts), STOP,
 * HELP and START do not count; three of four queries are answered after 10, 30 and 50
 * minutes (median 30); two responders buy within the seven-day window after responding
 * (one through another campaign), one bought before responding and one after the window.
 * Goals on queries and responses are measured and judged on these figures.
 */
@CampaignCoreIT
class ResponseFunnelIT {

    @Autowired
    CampaignReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    GoalJudge judge;

    long campaign;

    Instant launched;

    /** Contacts are opaque ids to the gateway and link tracking: unique negative ones. */
    long contactBase;

    String numberBase;

    @BeforeEach
    void handComputableResponses() {
        this.contactBase = -ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000_000L) * 100;
        this.numberBase = "+4917" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        this.launched = Instant.now().minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.HOURS);
        this.campaign = this.jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, holdout_count, capped_count, evaluation_days, attribution_days)
                values ('Responses by hand', 'COMPLETED', 'default', 'test', 'test', :at, :at, 10, 10, 0, 0, 30, 7)
                returning id""").param("at", Timestamp.from(this.launched)).query(Long.class).single();
        this.jdbc.sql("insert into campaign_variant values (:id, 'A', 'Hi A', 50), (:id, 'B', 'Hi B', 50)")
            .param("id", this.campaign)
            .update();
        this.jdbc
            .sql("""
                    insert into campaign_goal (campaign_id, metric, target) values (:id, 'QUERIES', 4),
                        (:id, 'RESPONSES', 10), (:id, 'RESPONSE_RATE', 50), (:id, 'ANSWER_RATE', 80), (:id, 'REPLIES', 7)""")
            .param("id", this.campaign)
            .update();
        Instant t = this.launched.plus(Duration.ofMinutes(5));
        long[] m = new long[11];
        for (int i = 1; i <= 10; i++) {
            m[i] = message((i <= 6) ? "A" : "B", i, t);
        }
        // Responses: 1 keyword (A), 2-4 queries (A), 5 other (B), 6 query (B).
        inbound(1, m[1], "SHOES", "KEYWORD", t.plus(Duration.ofHours(1)), null);
        inbound(2, m[2], "What sizes do you have?", "QUERY", t.plus(Duration.ofHours(2)), Duration.ofMinutes(10));
        inbound(2, m[2], "Thanks!", "OTHER", t.plus(Duration.ofHours(3)), null);
        inbound(3, m[3], "Is it in red?", "QUERY", t.plus(Duration.ofHours(3)), Duration.ofMinutes(30));
        inbound(4, m[4], "Call me please", "QUERY", t.plus(Duration.ofHours(4)), null);
        inbound(7, m[7], "Great", "OTHER", t.plus(Duration.ofHours(1)), null);
        inbound(8, m[8], "How much?", "QUERY", t.plus(Duration.ofHours(5)), Duration.ofMinutes(50));
        inbound(8, m[8], "And shipping?", "QUERY", t.plus(Duration.ofHours(7)), null);
        // No responses: an opt-out, a help request and an opt-in.
        inbound(5, m[5], "STOP", "OPT_OUT", t.plus(Duration.ofHours(1)), null);
        inbound(6, m[6], "HELP", "HELP", t.plus(Duration.ofHours(1)), null);
        inbound(9, m[9], "START", "OPT_IN", t.plus(Duration.ofHours(1)), null);
        // Conversions: 1 within the window (another campaign's), 7 within (this one's);
        // 2 before responding, 3 after the window; 5 (an opt-out) is no responder.
        conversion(1, null, t.plus(Duration.ofHours(1)).plus(Duration.ofDays(2)));
        conversion(7, this.campaign, t.plus(Duration.ofHours(1)).plus(Duration.ofDays(6)));
        conversion(2, this.campaign, t.plus(Duration.ofMinutes(30)));
        conversion(3, this.campaign, t.plus(Duration.ofHours(3)).plus(Duration.ofDays(8)));
        conversion(5, this.campaign, t.plus(Duration.ofHours(2)));
        // People who clicked: 2, 3 and 10; 2 and 3 have conversions of this campaign.
        long brand = this.brands.defaultBrand().id();
        for (int i : new int[] { 2, 3, 10 }) {
            hit(link(brand, (i <= 6) ? "A" : "B", m[i], i), t.plus(Duration.ofMinutes(20)));
        }
    }

    @Test
    void theResponseFunnelMatchesTheHandComputation() {
        CampaignReport report = this.reports.refreshedReport(this.campaign);
        CampaignReport.Responses r = report.responses();

        assertThat(r.delivered()).isEqualTo(10);
        assertThat(r.responders()).as("STOP, HELP and START are no responses; two texts of one number count once")
            .isEqualTo(5 + 1);
        assertThat(r.queries()).isEqualTo(4);
        assertThat(r.answered()).isEqualTo(3);
        assertThat(r.waiting()).as("one query never answered, one number asked again after its answer").isEqualTo(2);
        assertThat(r.medianFirstAnswerSeconds()).as("10, 30 and 50 minutes").isEqualTo(1800.0);
        assertThat(r.converted()).as("within 7 days after responding, whichever campaign it counts for").isEqualTo(2);
        assertThat(r.responseRate()).isCloseTo(60.0, within(1e-9));
        assertThat(r.queryRate()).isCloseTo(40.0, within(1e-9));
        assertThat(r.answerRate()).isCloseTo(75.0, within(1e-9));
        assertThat(r.responderConversionRate()).isCloseTo(100.0 * 2 / 6, within(1e-9));
        assertThat(report.funnel().humanClickers()).isEqualTo(3);
        assertThat(r.clickerConverters()).isEqualTo(2);
        assertThat(r.clickerConversionRate()).isCloseTo(100.0 * 2 / 3, within(1e-9));
        assertThat(r.respondersConvertLess()).isTrue();
        assertThat(r.summary()).isEqualTo("6 people responded; 2 of them bought (33 %) — responders convert less than "
                + "clickers (67 % of the people who clicked): look at how responses are answered.");

        assertThat(r.variants()).hasSize(2);
        CampaignReport.VariantResponses a = r.variants().get(0);
        assertThat(a.label()).isEqualTo("A");
        assertThat(a.delivered()).isEqualTo(6);
        assertThat(a.responders()).isEqualTo(4);
        assertThat(a.queries()).isEqualTo(3);
        assertThat(a.answered()).isEqualTo(2);
        assertThat(a.converted()).isEqualTo(1);
        CampaignReport.VariantResponses b = r.variants().get(1);
        assertThat(b.delivered()).isEqualTo(4);
        assertThat(b.responders()).isEqualTo(2);
        assertThat(b.queries()).isEqualTo(1);
        assertThat(b.converted()).isEqualTo(1);
        assertThat(b.responseRate()).isCloseTo(50.0, within(1e-9));

        CampaignReport.Rates rates = report.rates();
        assertThat(rates.replies()).as("response texts; STOP, HELP and START are not replies").isEqualTo(8);
        assertThat(rates.queries()).as("QUERY texts").isEqualTo(5);
        assertThat(rates.optOuts()).isEqualTo(1);
        assertThat(rates.reply()).isCloseTo(80.0, within(1e-9));
        assertThat(rates.optOut()).isCloseTo(10.0, within(1e-9));

        Map<GoalMetric, CampaignReport.GoalResult> goals = report.goals()
            .stream()
            .collect(Collectors.toMap(CampaignReport.GoalResult::metric, (g) -> g));
        assertThat(goals.get(GoalMetric.QUERIES).actual()).isEqualByComparingTo("4");
        assertThat(goals.get(GoalMetric.QUERIES).verdict()).isEqualTo(GoalVerdict.REACHED);
        assertThat(goals.get(GoalMetric.RESPONSES).actual()).isEqualByComparingTo("6");
        assertThat(goals.get(GoalMetric.RESPONSES).verdict()).isEqualTo(GoalVerdict.FAILING);
        assertThat(goals.get(GoalMetric.RESPONSE_RATE).actual()).isEqualByComparingTo("60");
        assertThat(goals.get(GoalMetric.RESPONSE_RATE).verdict()).isEqualTo(GoalVerdict.ON_TRACK);
        assertThat(goals.get(GoalMetric.ANSWER_RATE).actual()).isEqualByComparingTo("75");
        assertThat(goals.get(GoalMetric.ANSWER_RATE).verdict()).isEqualTo(GoalVerdict.FAILING);
        assertThat(goals.get(GoalMetric.REPLIES).actual()).isEqualByComparingTo("8");
    }

    @Test
    void goalsOnQueriesAndResponsesAreJudgedWhenTheWindowCloses() {
        this.jdbc.sql("update campaign set evaluation_days = 10 where id = :id").param("id", this.campaign).update();

        this.judge.judgeDue();

        Map<String, Object[]> judged = this.jdbc.sql(
                "select metric, passed, judged_figure from campaign_goal where campaign_id = :id and judged_at is not null")
            .param("id", this.campaign)
            .query((row,
                    n) -> new Object[] { row.getString("metric"), row.getBoolean("passed"),
                            row.getBigDecimal("judged_figure") })
            .list()
            .stream()
            .collect(Collectors.toMap((o) -> (String) o[0], (o) -> o));
        assertThat(judged).containsOnlyKeys("QUERIES", "RESPONSES", "RESPONSE_RATE", "ANSWER_RATE", "REPLIES");
        assertThat(judged.get("QUERIES")[1]).isEqualTo(true);
        assertThat((java.math.BigDecimal) judged.get("QUERIES")[2]).isEqualByComparingTo("4");
        assertThat(judged.get("RESPONSES")[1]).isEqualTo(false);
        assertThat(judged.get("RESPONSE_RATE")[1]).isEqualTo(true);
        assertThat(judged.get("ANSWER_RATE")[1]).isEqualTo(false);
        assertThat((java.math.BigDecimal) judged.get("ANSWER_RATE")[2]).isEqualByComparingTo("75");
        assertThat(judged.get("REPLIES")[1]).isEqualTo(true);
    }

    private String number(int i) {
        return this.numberBase + String.format("%02d", i);
    }

    private long contact(int i) {
        return this.contactBase - i;
    }

    private long message(String variant, int i, Instant at) {
        String key = "response-test:" + System.nanoTime();
        return this.jdbc
            .sql("""
                    insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender, to_number,
                        body, segments, status, due_at, provider_sid, price, estimated_cost, sent_at, final_at)
                    values (:key, :campaign, :contact, :variant, 'SMS', 'default', :to, 'Hi', 1, 'DELIVERED', :at, :sid,
                        0.05, 0.05, :at, :at)
                    returning id""")
            .param("key", key)
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .param("variant", variant)
            .param("to", number(i))
            .param("at", Timestamp.from(at))
            .param("sid", "SM" + key.hashCode())
            .query(Long.class)
            .single();
    }

    private void inbound(int i, long message, String body, String kind, Instant at, Duration answeredAfter) {
        this.jdbc.sql("""
                insert into inbound_message (from_number, body, kind, classified_kind, message_id, campaign_id,
                    contact_id, received_at, answered_at)
                values (:from, :body, :kind, :kind, :message, :campaign, :contact, :at, :answered)""")
            .param("from", number(i))
            .param("body", body)
            .param("kind", kind)
            .param("message", message)
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .param("at", Timestamp.from(at))
            .param("answered", (answeredAfter != null) ? Timestamp.from(at.plus(answeredAfter)) : null)
            .update();
    }

    private void conversion(int i, Long campaign, Instant at) {
        this.jdbc
            .sql("""
                    insert into conversion (event, value, currency, occurred_at, source, attributed, campaign_id, contact_id)
                    values ('sale', 20, 'USD', :at, 'SERVER', :attributed, :campaign, :contact)""")
            .param("at", Timestamp.from(at))
            .param("attributed", campaign != null)
            .param("campaign", campaign)
            .param("contact", contact(i))
            .update();
    }

    private long link(long brand, String variant, long message, int i) {
        return this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, message_id)
                values (:code, :brand, 'https://shop.example/sale', :campaign, :contact, :variant, :message)
                returning id""")
            .param("code", "r" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", brand)
            .param("campaign", this.campaign)
            .param("contact", contact(i))
            .param("variant", variant)
            .param("message", message)
            .query(Long.class)
            .single();
    }

    private void hit(long link, Instant at) {
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                values (:id, :link, :at, 'GET', true, null, false)""")
            .param("id", ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE))
            .param("link", link)
            .param("at", Timestamp.from(at))
            .update();
    }

}
