package org.smscampaign.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactCriteria.Combinator;
import org.smscampaign.contact.ContactCriteria.Condition;
import org.smscampaign.contact.ContactCriteria.Group;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.contact.engagement.EngagementSummary;
import org.smscampaign.money.ExchangeRates;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.smscampaign.contact.CriteriaOperator.DID;
import static org.smscampaign.contact.CriteriaOperator.DID_NOT;

/**
 * Behaviour rules against a small data set whose answers are worked out by hand: eight
 * people, two campaigns, messages, human and bot clicks, replies, conversions (server,
 * imported, unverified browser ones, coupons, a currency without a rate) and channel
 * notes. Every count is restricted to this test's people by their first name.
 */
@CampaignCoreIT
class EngagementSegmentsIT {

    @Autowired
    ContactQueries queries;

    @Autowired
    ExchangeRates rates;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EngagementSummary summary;

    @Autowired
    DataSource dataSource;

    @Autowired
    ContactManagement erasure;

    String token;

    long a;

    long b;

    long brand;

    long[] p = new long[9];

    @BeforeEach
    void dataSet() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.token = "Eng" + random.nextInt(100_000_000);
        this.a = 900_000_000L + random.nextInt(90_000_000);
        this.b = this.a + 1;
        this.brand = this.jdbc
            .sql("insert into link_brand (name, base_url) values (:n, 'https://go.example.com/') returning id")
            .param("n", "brand " + this.token)
            .query(Long.class)
            .single();
        String phones = "+4915" + String.format("%07d", random.nextInt(10_000_000));
        // Ids far from those other tests write into messages by hand (contact 7, say): in
        // a
        // fresh database the identity would hand out exactly those.
        long ids = 5_000_000_000L + random.nextLong(1_000_000_000L) * 10;
        for (int i = 1; i <= 8; i++) {
            this.p[i] = this.jdbc
                .sql("insert into contact (id, phone_number, phone_type, first_name, time_zone, consent_status) "
                        + "values (:id, :phone, 'MOBILE', :name, 'Europe/Berlin', 'SUBSCRIBED') returning id")
                .param("id", ids + i)
                .param("phone", phones + i)
                .param("name", this.token)
                .query(Long.class)
                .single();
        }
        String rc = this.rates.currency();
        this.jdbc
            .sql("insert into exchange_rate (currency, reporting_currency, valid_from, rate, created_by) "
                    + "values ('ZZE', :rc, date '2020-01-01', 2, 'test') on conflict do nothing")
            .param("rc", rc)
            .update();
        // P1: delivered in A 2 days ago, clicked it 1 day ago, bought for 50 with a
        // coupon.
        long m1 = message(1, this.a, "DELIVERED", 2);
        click(link(1, this.a, m1), true, 1);
        conversion(1, this.a, "50", rc, "SERVER", "CPN1", 1);
        // P2: delivered in A, only a link preview bot opened it.
        click(link(2, this.a, message(2, this.a, "DELIVERED", 2)), false, 1);
        // P3: sent in A but undelivered; asked a question about A today.
        message(3, this.a, "UNDELIVERED", 2);
        reply(3, this.a, "QUERY", 0);
        // P4: 40 days ago in B: delivered, clicked, replied, bought for 200.
        long m4 = message(4, this.b, "DELIVERED", 40);
        click(link(4, this.b, m4), true, 40);
        reply(4, this.b, "OTHER", 40);
        conversion(4, this.b, "200", rc, "SERVER", null, 40);
        // P5: five texts in B in the last 10 days, never clicked; not on WhatsApp.
        for (int day = 2; day <= 10; day += 2) {
            message(5, this.b, "DELIVERED", day);
        }
        this.jdbc
            .sql("insert into channel_reachability (phone, channel, reason, skip_until) "
                    + "values (:phone, 'WHATSAPP', 'NOT_ON_CHANNEL', now() + interval '30 days')")
            .param("phone", phones + 5)
            .update();
        // P6: five texts, clicked only the oldest (9 days ago); RCS note expired.
        long oldest = message(6, this.b, "DELIVERED", 10);
        click(link(6, this.b, oldest), true, 9);
        for (int day = 2; day <= 8; day += 2) {
            message(6, this.b, "DELIVERED", day);
        }
        this.jdbc
            .sql("insert into channel_reachability (phone, channel, reason, skip_until) "
                    + "values (:phone, 'RCS', 'FAILED', now() - interval '1 day')")
            .param("phone", phones + 6)
            .update();
        // P7: nothing at all.
        // P8: imported coupon sale in A (10 ZZE = 20), a server sale in a currency
        // without a
        // rate (counted as an order, its value left out), an unverified browser report
        // (not
        // counted), and a STOP (not a response).
        conversion(8, this.a, "10", "ZZE", "IMPORT", "CPN8", 3);
        conversion(8, this.a, "5", "ZZN", "SERVER", null, 3);
        conversion(8, this.a, "1000", rc, "BROWSER", null, 3);
        reply(8, this.a, "OPT_OUT", 1);
        // Back-dated rows: the summary is rebuilt (a live one reads rows as they come).
        within(this.summary::rebuild);
    }

    @Test
    void theSummaryCatchesUpWithNewHitsAndMessages() {
        assertThat(who(days(ContactField.CLICKED, DID, 2))).containsExactlyInAnyOrder(1);
        click(link(2, this.b, message(2, this.b, "DELIVERED", 0)), true, 0);
        message(7, this.b, "SENT", 0);
        reply(5, this.b, "QUERY", 0);
        conversion(5, this.b, "15", this.rates.currency(), "SERVER", "CPN5", 0);
        within(this.summary::catchUp);
        assertThat(who(days(ContactField.CLICKED, DID, 2))).containsExactlyInAnyOrder(1, 2);
        assertThat(who(days(ContactField.RECEIVED, DID, 1))).containsExactlyInAnyOrder(2, 7);
        assertThat(who(days(ContactField.QUERIED, DID, 1))).containsExactlyInAnyOrder(3, 5);
        assertThat(who(days(ContactField.REDEEMED, DID, 1))).containsExactlyInAnyOrder(5);
    }

    /**
     * The summary never waits for a contact another transaction holds (so it is never
     * half of a deadlock with an import): it skips it and writes it on its next run.
     */
    @Test
    void aContactHeldElsewhereIsWrittenOnTheNextRun() throws SQLException {
        click(link(2, this.b, message(2, this.b, "DELIVERED", 0)), true, 0);
        try (Connection other = this.dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement hold = other.prepareStatement("select 1 from contact where id = ? for update")) {
                hold.setLong(1, this.p[2]);
                hold.executeQuery().close();
            }
            within(this.summary::catchUp);
            assertThat(who(days(ContactField.CLICKED, DID, 2))).containsExactlyInAnyOrder(1);
            assertThat(pendingFor(2)).isTrue();
            other.rollback();
        }
        within(this.summary::catchUp);
        assertThat(who(days(ContactField.CLICKED, DID, 2))).containsExactlyInAnyOrder(1, 2);
        assertThat(pendingFor(2)).isFalse();
    }

    /** What moves back (a hit found to be a bot's) is caught by the rebuild. */
    @Test
    void theRebuildLowersTimesThatMovedBack() {
        this.jdbc
            .sql("update link_click set human = false, reason = 'BOT' "
                    + "where link_id in (select id from short_link where contact_id = :contact)")
            .param("contact", this.p[1])
            .update();
        within(this.summary::catchUp);
        assertThat(who(days(ContactField.CLICKED, DID, 30))).as("raising alone keeps the time").contains(1);
        within(this.summary::rebuild);
        assertThat(who(days(ContactField.CLICKED, DID, 30))).containsExactlyInAnyOrder(6);
        assertThat(who(ever(ContactField.CLICKED, DID_NOT))).contains(1, 2);
        assertThat(pendingFor(1)).isFalse();
    }

    @Test
    void erasureForgetsWhatTheyDid() {
        this.erasure.erase(this.p[1], "test");
        assertThat(hasTimes(1)).isFalse();
        within(this.summary::rebuild);
        assertThat(hasTimes(1)).isFalse();
        assertThat(hasTimes(4)).isTrue();
    }

    @Test
    void receivedDeliveredAndClickedInACampaign() {
        assertThat(who(activity(ContactField.RECEIVED, DID, this.a))).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(who(activity(ContactField.RECEIVED, DID_NOT, this.a))).containsExactlyInAnyOrder(4, 5, 6, 7, 8);
        assertThat(who(activity(ContactField.DELIVERED, DID, this.a))).containsExactlyInAnyOrder(1, 2);
        assertThat(who(activity(ContactField.DELIVERED, DID_NOT, this.a))).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8);
        // The preview bot's hit is no click.
        assertThat(who(activity(ContactField.CLICKED, DID, this.a))).containsExactlyInAnyOrder(1);
        assertThat(who(activity(ContactField.CLICKED, DID_NOT, this.a))).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8);
        assertThat(who(activity(ContactField.DELIVERED, DID, this.b))).containsExactlyInAnyOrder(4, 5, 6);
    }

    @Test
    void withinDaysAndEver() {
        assertThat(who(days(ContactField.CLICKED, DID, 30))).containsExactlyInAnyOrder(1, 6);
        assertThat(who(days(ContactField.CLICKED, DID, 60))).containsExactlyInAnyOrder(1, 4, 6);
        assertThat(who(days(ContactField.CLICKED, DID_NOT, 30))).containsExactlyInAnyOrder(2, 3, 4, 5, 7, 8);
        assertThat(who(days(ContactField.RECEIVED, DID, 5))).containsExactlyInAnyOrder(1, 2, 3, 5, 6);
        assertThat(who(ever(ContactField.CONVERTED, DID))).containsExactlyInAnyOrder(1, 4, 8);
        assertThat(who(days(ContactField.CONVERTED, DID, 30))).containsExactlyInAnyOrder(1, 8);
        assertThat(who(ever(ContactField.CONVERTED, DID_NOT))).containsExactlyInAnyOrder(2, 3, 5, 6, 7);
    }

    @Test
    void convertedRepliedQueriedAndRedeemed() {
        assertThat(who(activity(ContactField.CONVERTED, DID, this.a))).containsExactlyInAnyOrder(1, 8);
        // A STOP is no response; an old reply counts ever, not within 30 days.
        assertThat(who(ever(ContactField.REPLIED, DID))).containsExactlyInAnyOrder(3, 4);
        assertThat(who(days(ContactField.REPLIED, DID, 30))).containsExactlyInAnyOrder(3);
        assertThat(who(activity(ContactField.REPLIED, DID, this.a))).containsExactlyInAnyOrder(3);
        assertThat(who(activity(ContactField.QUERIED, DID, this.a))).containsExactlyInAnyOrder(3);
        assertThat(who(activity(ContactField.QUERIED, DID, this.b))).isEmpty();
        assertThat(who(ever(ContactField.REDEEMED, DID))).containsExactlyInAnyOrder(1, 8);
        assertThat(who(activity(ContactField.REDEEMED, DID, this.b))).isEmpty();
        assertThat(who(ever(ContactField.REDEEMED, DID_NOT))).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
    }

    @Test
    void neverClickedInTheLastTexts() {
        // Judged once N texts were sent: P1 had one.
        assertThat(who(lastMessages(DID_NOT, 5))).containsExactlyInAnyOrder(5);
        assertThat(who(lastMessages(DID_NOT, 3))).containsExactlyInAnyOrder(5, 6);
        assertThat(who(lastMessages(DID, 5))).containsExactlyInAnyOrder(1, 4, 6);
    }

    @Test
    void lastEngagement() {
        String twentyDaysAgo = day(20);
        assertThat(who(Condition.of(ContactField.LAST_ENGAGED, CriteriaOperator.AFTER, twentyDaysAgo)))
            .containsExactlyInAnyOrder(1, 3, 6, 8);
        assertThat(who(Condition.of(ContactField.LAST_ENGAGED, CriteriaOperator.BEFORE, twentyDaysAgo)))
            .containsExactlyInAnyOrder(4);
        assertThat(who(Condition.of(ContactField.LAST_ENGAGED, CriteriaOperator.BETWEEN, day(50), day(30))))
            .containsExactlyInAnyOrder(4);
    }

    @Test
    void revenueAndOrders() {
        assertThat(who(Condition.of(ContactField.REVENUE, CriteriaOperator.GREATER_THAN, "40")))
            .containsExactlyInAnyOrder(1, 4);
        // 10 ZZE at 2 is 20; the ZZN sale has no rate and is left out.
        assertThat(who(Condition.of(ContactField.REVENUE, CriteriaOperator.LESS_THAN, "25")))
            .containsExactlyInAnyOrder(2, 3, 5, 6, 7, 8);
        assertThat(who(Condition.of(ContactField.REVENUE, CriteriaOperator.BETWEEN, "10", "60")))
            .containsExactlyInAnyOrder(1, 8);
        assertThat(who(Condition.of(ContactField.REVENUE, CriteriaOperator.BETWEEN, "0", "20")))
            .containsExactlyInAnyOrder(2, 3, 5, 6, 7, 8);
        assertThat(who(Condition.of(ContactField.ORDERS, CriteriaOperator.GREATER_THAN, "1")))
            .containsExactlyInAnyOrder(8);
        assertThat(who(Condition.of(ContactField.ORDERS, CriteriaOperator.LESS_THAN, "1"))).containsExactlyInAnyOrder(2,
                3, 5, 6, 7);
        assertThat(who(Condition.of(ContactField.ORDERS, CriteriaOperator.BETWEEN, "1", "1")))
            .containsExactlyInAnyOrder(1, 4);
        Condition inA = new Condition(ContactField.REVENUE, CriteriaOperator.GREATER_THAN, List.of("0"), null, this.a,
                null, null);
        assertThat(who(inA)).containsExactlyInAnyOrder(1, 8);
    }

    @Test
    void channelReachability() {
        assertThat(who(Condition.of(ContactField.WHATSAPP_REACHABLE, CriteriaOperator.IS_FALSE)))
            .containsExactlyInAnyOrder(5);
        assertThat(who(Condition.of(ContactField.WHATSAPP_REACHABLE, CriteriaOperator.IS_TRUE)))
            .containsExactlyInAnyOrder(1, 2, 3, 4, 6, 7, 8);
        // P6's note has expired.
        assertThat(who(Condition.of(ContactField.RCS_REACHABLE, CriteriaOperator.IS_FALSE))).isEmpty();
    }

    @Test
    void combinedAndCounted() {
        // The benchmark's rule: clicked in the last 30 days and never bought.
        ContactCriteria rule = new Group(Combinator.ALL,
                List.of(days(ContactField.CLICKED, DID, 30), ever(ContactField.CONVERTED, DID_NOT)));
        assertThat(who(rule)).containsExactlyInAnyOrder(6);
        ContactCriteria none = new Group(Combinator.NONE,
                List.of(ever(ContactField.RECEIVED, DID), ever(ContactField.CONVERTED, DID)));
        assertThat(who(none)).containsExactlyInAnyOrder(7);
        assertThat(this.queries.count(mine(rule)).matching()).isEqualTo(1);
    }

    @Test
    void badRulesAreRefusedWithTheirPlace() {
        refused(new Condition(ContactField.CLICKED, DID, List.of(), null, this.a, 30, null),
                "Condition 2: choose one of: a campaign, the last days, or the last texts.");
        refused(new Condition(ContactField.REPLIED, DID, List.of(), null, null, null, 5),
                "Condition 2: only clicks can be judged over the last texts.");
        refused(new Condition(ContactField.CLICKED, DID, List.of(), null, null, 0, null),
                "Condition 2: the last days are 1 to 3660.");
        refused(new Condition(ContactField.COUNTRY, CriteriaOperator.EQUALS, List.of("DE"), null, this.a, null, null),
                "Condition 2: Country takes no campaign or days.");
        refused(Condition.of(ContactField.REVENUE, CriteriaOperator.GREATER_THAN, "-5"),
                "Condition 2: an amount is 0 or more.");
        refused(Condition.of(ContactField.ORDERS, CriteriaOperator.GREATER_THAN, "many"),
                "Condition 2: 'many' is not a number.");
        refused(Condition.of(ContactField.CLICKED, CriteriaOperator.EQUALS, "x"),
                "Condition 2: Clicked a link (people, not bots) cannot be compared with 'is'.");
        refused(Condition.of(ContactField.CLICKED, DID, "x"), "Condition 2: 'did' takes 0 values.");
        refused(Condition.of(ContactField.LAST_ENGAGED, CriteriaOperator.AFTER, "yesterday"),
                "Condition 2: 'yesterday' is not a date (YYYY-MM-DD).");
    }

    private boolean pendingFor(int person) {
        return this.jdbc.sql("select exists (select 1 from contact_engagement_pending where contact_id = :id)")
            .param("id", this.p[person])
            .query(Boolean.class)
            .single();
    }

    /** Whether the person has any engagement time. */
    private boolean hasTimes(int person) {
        return this.jdbc
            .sql("select coalesce(last_sent_at, last_delivered_at, last_click_at, last_conversion_at, "
                    + "last_redeemed_at, last_response_at, last_query_at) is not null from contact where id = :id")
            .param("id", this.p[person])
            .query(Boolean.class)
            .single();
    }

    /**
     * Runs the summary until it had the lock (the scheduled run may hold it a moment).
     */
    private static void within(java.util.function.BooleanSupplier run) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!run.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the summary's lock was free within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void refused(Condition condition, String message) {
        assertThatExceptionOfType(ContactProblem.class).isThrownBy(() -> this.queries.count(mine(condition)))
            .withMessage(message);
    }

    private Condition activity(ContactField field, CriteriaOperator operator, long campaign) {
        return Condition.inCampaign(field, operator, campaign);
    }

    private static Condition days(ContactField field, CriteriaOperator operator, int days) {
        return new Condition(field, operator, List.of(), null, null, days, null);
    }

    private static Condition ever(ContactField field, CriteriaOperator operator) {
        return new Condition(field, operator, List.of(), null, null, null, null);
    }

    private static Condition lastMessages(CriteriaOperator operator, int n) {
        return new Condition(ContactField.CLICKED, operator, List.of(), null, null, null, n);
    }

    private String day(int daysAgo) {
        return this.jdbc.sql("select cast((now() at time zone 'UTC')::date - :d as text)")
            .param("d", daysAgo)
            .query(String.class)
            .single();
    }

    private ContactCriteria mine(ContactCriteria rule) {
        return new Group(Combinator.ALL,
                List.of(Condition.of(ContactField.FIRST_NAME, CriteriaOperator.EQUALS, this.token), rule));
    }

    /** Which of P1..P8 match. */
    private Set<Integer> who(ContactCriteria rule) {
        List<Long> ids = new ArrayList<>();
        this.queries.forEachMatching(mine(rule), false, (row) -> ids.add(row.getLong("id")));
        Set<Integer> people = new HashSet<>();
        for (Long id : ids) {
            int index = Arrays.stream(this.p).boxed().toList().indexOf(id);
            assertThat(index).isPositive();
            people.add(index);
        }
        assertThat(this.queries.count(mine(rule)).matching()).isEqualTo(people.size());
        return people;
    }

    private long message(int person, long campaign, String status, int daysAgo) {
        return this.jdbc.sql("""
                insert into outbound_message (idempotency_key, campaign_id, contact_id, channel, sender, to_number,
                    body, segments, status, due_at, sent_at, created_at)
                values (:key, :campaign, :contact, 'SMS', 'default', '+15550000000', 'Hi', 1, :status,
                    now() - make_interval(days => :days), now() - make_interval(days => :days),
                    now() - make_interval(days => :days))
                returning id""")
            .param("key", this.token + ":" + person + ":" + System.nanoTime())
            .param("campaign", campaign)
            .param("contact", this.p[person])
            .param("status", status)
            .param("days", daysAgo)
            .query(Long.class)
            .single();
    }

    private long link(int person, long campaign, long message) {
        return this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, message_id)
                values (:code, :brand, 'https://shop.example/p', :campaign, :contact, :message) returning id""")
            .param("code", "e" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36))
            .param("brand", this.brand)
            .param("campaign", campaign)
            .param("contact", this.p[person])
            .param("message", message)
            .query(Long.class)
            .single();
    }

    private void click(long link, boolean human, int daysAgo) {
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                values ((select coalesce(max(id), 0) + 1 from link_click), :link, now() - make_interval(days => :days),
                    'GET', :human, :reason, true)""")
            .param("link", link)
            .param("days", daysAgo)
            .param("human", human)
            .param("reason", human ? null : "PREVIEW")
            .update();
    }

    private void conversion(int person, long campaign, String value, String currency, String source, String coupon,
            int daysAgo) {
        this.jdbc.sql("""
                insert into conversion (event, value, currency, occurred_at, source, attributed, campaign_id,
                    contact_id, coupon_code)
                values ('purchase', cast(:value as numeric), :currency, now() - make_interval(days => :days), :source,
                    true, :campaign, :contact, :coupon)""")
            .param("value", value)
            .param("currency", currency)
            .param("days", daysAgo)
            .param("source", source)
            .param("campaign", campaign)
            .param("contact", this.p[person])
            .param("coupon", coupon)
            .update();
    }

    private void reply(int person, long campaign, String kind, int daysAgo) {
        this.jdbc
            .sql("""
                    insert into inbound_message (from_number, body, kind, classified_kind, campaign_id, contact_id,
                        received_at)
                    values ('+15550000001', 'text', :kind, :kind, :campaign, :contact, now() - make_interval(days => :days))""")
            .param("kind", kind)
            .param("campaign", campaign)
            .param("contact", this.p[person])
            .param("days", daysAgo)
            .update();
    }

}
