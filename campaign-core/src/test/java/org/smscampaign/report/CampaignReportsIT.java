package org.smscampaign.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.link.Brands;
import org.smscampaign.link.ClickReason;
import org.smscampaign.link.ConversionRequest;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.LinkStats;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.money.ExchangeRates;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of a campaign report on a data set small enough to compute by hand: bots,
 * previews and HEAD requests excluded, a repeat click counted once, a conversion outside
 * the attribution window left out, a failed goal. Then the rollups against the direct
 * computations over raw rows.
 */
@CampaignCoreIT
class CampaignReportsIT {

    @Autowired
    CampaignReports reports;

    @Autowired
    SummaryReports summaries;

    @Autowired
    ContactManagement contacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    MessageGateway gateway;

    @Autowired
    ShortLinks links;

    @Autowired
    Conversions conversions;

    @Autowired
    ExchangeRates rates;

    @Autowired
    CampaignManagement campaigns;

    @org.junit.jupiter.api.AfterEach
    void noRatesLeftForOtherTests() {
        this.rates.list().forEach((rate) -> this.rates.remove(rate.currency(), rate.validFrom()));
    }

    long campaign;

    long brand;

    Instant launched;

    @BeforeEach
    void handComputableCampaign() {
        this.brand = this.brands.defaultBrand().id();
        this.launched = Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.HOURS);
        this.campaign = this.jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, holdout_count, capped_count, evaluation_days, attribution_days)
                values ('Hand computed', 'COMPLETED', 'default', 'test', 'test', :at, :at, 12, 10, 1, 1, 7, 7)
                returning id""").param("at", Timestamp.from(this.launched)).query(Long.class).single();
        this.jdbc.sql("insert into campaign_variant values (:id, 'A', 'Hi A', 50), (:id, 'B', 'Hi B', 50)")
            .param("id", this.campaign)
            .update();
        this.jdbc.sql("""
                insert into campaign_goal values (:id, 'HUMAN_CTR', 50), (:id, 'CONVERSIONS', 3), (:id, 'REVENUE', 100),
                    (:id, 'ROI', 50000)""").param("id", this.campaign).update();
        Instant t0 = this.launched.plus(Duration.ofMinutes(10));
        long m1 = message("A", "DELIVERED", "0.05", null, true, t0);
        long m2 = message("A", "DELIVERED", "0.05", null, true, t0);
        long m3 = message("A", "DELIVERED", null, "0.04", true, t0);
        message("A", "UNDELIVERED", "0.05", null, true, t0);
        message("A", "FAILED", null, "0.04", false, t0); // refused: never taken, costs
                                                         // nothing
        long m6 = message("B", "DELIVERED", "0.05", null, true, t0);
        long m7 = message("B", "DELIVERED", "0.05", null, true, t0);
        message("B", "SENT", "0.05", null, true, t0);
        message("B", "SUPPRESSED", null, "0.04", false, t0);
        // Queued due next month (message() does that, in the same statement): the
        // dispatcher of this test application must not send it meanwhile.
        message("B", "QUEUED", null, "0.04", false, t0);
        // Other tests' delivery times may name these ids: only m1 and m3 have one here.
        this.jdbc.sql("delete from link_delivery where message_id in (:m1, :m3, :m6)")
            .param("m1", m1)
            .param("m3", m3)
            .param("m6", m6)
            .update();
        this.jdbc.sql("insert into link_delivery values (:m1, :at), (:m3, :at)")
            .param("m1", m1)
            .param("m3", m3)
            .param("at", Timestamp.from(t0.plusSeconds(5)))
            .update();
        long l1 = link("A", m1);
        long l2 = link("A", m2);
        long l3 = link("A", m3);
        long l6 = link("B", m6);
        long l7 = link("B", m7);
        Instant delivered = t0.plusSeconds(5);
        hit(l1, delivered.plusSeconds(1), false, ClickReason.PREVIEW);
        long click1 = hit(l1, delivered.plus(Duration.ofMinutes(150)), true, null); // 2.5
                                                                                    // h
                                                                                    // after
                                                                                    // delivery
        hit(l1, delivered.plus(Duration.ofMinutes(210)), true, null); // a repeat: one
                                                                      // clicker
        hit(l2, delivered.plusSeconds(60), false, ClickReason.BOT);
        hit(l3, delivered.plus(Duration.ofMinutes(30)), true, null);
        long click6 = hit(l6, delivered.plus(Duration.ofMinutes(20)), true, null);
        hit(l7, delivered.plusSeconds(90), false, ClickReason.HEAD_REQUEST);
        conversion(click1, l1, "A", "100.00", true);
        conversion(click6, l6, "B", "50.50", true);
        conversion(click6, l6, "B", "999.00", false); // outside the attribution window
        this.jdbc.sql("""
                insert into inbound_message (from_number, body, kind, campaign_id) values
                    ('+4915100000001', 'STOP', 'OPT_OUT', :id), ('+4915100000002', 'Thanks!', 'OTHER', :id)""")
            .param("id", this.campaign)
            .update();
    }

    /**
     * Messages, links and conversions go to a stand-in contact (-1) that no real contact
     * can be: a test that creates contacts first would otherwise give one of them id 1.
     */
    private long message(String variant, String status, String price, String estimate, boolean taken, Instant at) {
        String key = "report-test:" + System.nanoTime();
        return this.jdbc
            .sql("""
                    insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender, to_number,
                        body, segments, status, due_at, provider_sid, price, estimated_cost, sent_at, final_at)
                    values (:key, :campaign, -1, :variant, 'SMS', 'default', '+4915100000000', 'Hi', 1, :status,
                        case when :status = 'QUEUED' then now() + interval '30 days' else :at end, :sid,
                        cast(:price as numeric), cast(:estimate as numeric), :sent, :final)
                    returning id""")
            .param("key", key)
            .param("campaign", this.campaign)
            .param("variant", variant)
            .param("status", status)
            .param("at", Timestamp.from(at))
            .param("sid", taken ? "SM" + key.hashCode() : null)
            .param("price", price)
            .param("estimate", (estimate != null) ? estimate : price)
            .param("sent", taken ? Timestamp.from(at) : null)
            .param("final", switch (status) {
                case "DELIVERED", "UNDELIVERED", "FAILED", "SUPPRESSED" -> Timestamp.from(at.plusSeconds(5));
                default -> null;
            })
            .query(Long.class)
            .single();
    }

    private long link(String variant, long message) {
        return this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, message_id)
                values (:code, :brand, 'https://shop.example/sale', :campaign, -1, :variant, :message) returning id""")
            .param("code", "t" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", this.brand)
            .param("campaign", this.campaign)
            .param("variant", variant)
            .param("message", message)
            .query(Long.class)
            .single();
    }

    private long hit(long link, Instant at, boolean human, ClickReason reason) {
        long id = ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                values (:id, :link, :at, :method, :human, :reason, false)""")
            .param("id", id)
            .param("link", link)
            .param("at", Timestamp.from(at))
            .param("method", (reason == ClickReason.HEAD_REQUEST) ? "HEAD" : "GET")
            .param("human", human)
            .param("reason", (reason != null) ? reason.name() : null)
            .update();
        return id;
    }

    private void conversion(long click, long link, String variant, String value, boolean attributed) {
        conversion(click, link, variant, value, "USD", attributed);
    }

    private void conversion(long click, long link, String variant, String value, String currency, boolean attributed) {
        this.jdbc.sql("""
                insert into conversion (event, value, currency, occurred_at, source, click_id, link_id, attributed,
                    campaign_id, contact_id, variant)
                values ('sale', cast(:value as numeric), :currency, now(), 'SERVER', :click, :link, :attributed,
                    :campaign, -1, :variant)""")
            .param("value", value)
            .param("currency", currency)
            .param("click", click)
            .param("link", link)
            .param("attributed", attributed)
            .param("campaign", this.campaign)
            .param("variant", variant)
            .update();
    }

    @Test
    void everyFigureMatchesTheHandComputation() {
        CampaignReport report = this.reports.refreshedReport(this.campaign);

        CampaignReport.Funnel funnel = report.funnel();
        assertThat(funnel.audience()).isEqualTo(12);
        assertThat(funnel.holdout()).isEqualTo(1);
        assertThat(funnel.capped()).isEqualTo(1);
        assertThat(funnel.messages()).isEqualTo(10);
        assertThat(funnel.sent()).as("accepted by the provider: 4 of A, 3 of B").isEqualTo(7);
        assertThat(funnel.delivered()).isEqualTo(5);
        assertThat(funnel.failed()).isEqualTo(1);
        assertThat(funnel.undelivered()).isEqualTo(1);
        assertThat(funnel.suppressed()).isEqualTo(1);
        assertThat(funnel.pending()).isEqualTo(1);
        assertThat(funnel.hits()).isEqualTo(7);
        assertThat(funnel.humanHits()).isEqualTo(4);
        assertThat(funnel.clickers()).as("links with any hit").isEqualTo(5);
        assertThat(funnel.humanClickers()).as("the repeat click counts once; bot, preview and HEAD not at all")
            .isEqualTo(3);
        assertThat(funnel.conversions()).as("the one outside the window is left out").isEqualTo(2);

        CampaignReport.Rates rates = report.rates();
        assertThat(rates.delivery()).isCloseTo(100.0 * 5 / 7, within(1e-9));
        assertThat(rates.humanCtr()).isCloseTo(60.0, within(1e-9));
        assertThat(rates.rawCtr()).isCloseTo(100.0, within(1e-9));
        assertThat(rates.conversionPerDelivered()).isCloseTo(40.0, within(1e-9));
        assertThat(rates.conversionPerClick()).isCloseTo(100.0 * 2 / 3, within(1e-9));
        assertThat(rates.optOut()).isCloseTo(20.0, within(1e-9));
        assertThat(rates.reply()).as("responses only: the STOP is an opt-out, not a reply")
            .isCloseTo(20.0, within(1e-9));
        assertThat(rates.replies()).isEqualTo(1);
        assertThat(report.excluded()).extracting(CampaignReport.Breakdown::key)
            .containsExactlyInAnyOrder("PREVIEW", "BOT", "HEAD_REQUEST");

        CampaignReport.Money money = report.money();
        assertThat(money.cost()).isEqualByComparingTo("0.34");
        assertThat(money.revenue()).isEqualByComparingTo("150.50");
        assertThat(money.profit()).isEqualByComparingTo("150.16");
        assertThat(money.roi()).isCloseTo(150.16 / 0.34 * 100, within(0.01));
        assertThat(money.costPerClick()).isEqualByComparingTo("0.1133");
        assertThat(money.costPerConversion()).isEqualByComparingTo("0.17");
        assertThat(money.cascadeSavings()).as("no cascade").isNull();

        assertThat(report.goals()).extracting(CampaignReport.GoalResult::metric, CampaignReport.GoalResult::verdict)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(GoalMetric.HUMAN_CTR, GoalVerdict.PASSED),
                    org.assertj.core.groups.Tuple.tuple(GoalMetric.CONVERSIONS, GoalVerdict.FAILED),
                    org.assertj.core.groups.Tuple.tuple(GoalMetric.REVENUE, GoalVerdict.PASSED),
                    org.assertj.core.groups.Tuple.tuple(GoalMetric.ROI, GoalVerdict.FAILED));

        CampaignReport.VariantResult a = report.variants().get(0);
        CampaignReport.VariantResult b = report.variants().get(1);
        assertThat(a.label()).isEqualTo("A");
        assertThat(a.sent()).isEqualTo(4);
        assertThat(a.delivered()).isEqualTo(3);
        assertThat(a.humanClickers()).isEqualTo(2);
        assertThat(a.humanCtr()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(a.revenue()).isEqualByComparingTo("100.00");
        assertThat(b.humanCtr()).isCloseTo(50.0, within(1e-9));
        assertThat(b.ctrDifference()).isCloseTo(50.0 - 200.0 / 3, within(1e-9));
        assertThat(b.confidence()).as("too small a sample for a test").isNull();
        assertThat(b.conversions()).isEqualTo(1);

        assertThat(report.clicksAfterDelivery())
            .extracting(CampaignReport.Delay::hours, CampaignReport.Delay::humanClickers)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1L), org.assertj.core.groups.Tuple.tuple(2, 1L),
                    org.assertj.core.groups.Tuple.tuple(null, 1L));
        assertThat(report.links()).singleElement().satisfies((link) -> {
            assertThat(link.hits()).isEqualTo(7);
            assertThat(link.humanClickers()).isEqualTo(3);
        });
        assertThat(report.series().stream().mapToLong(CampaignReport.Point::delivered).sum()).isEqualTo(5);
        assertThat(report.series().stream().mapToLong(CampaignReport.Point::humanClickers).sum()).isEqualTo(3);
    }

    @Test
    void moneyInOtherCurrenciesIsConvertedAtTheRateOfItsDayAndOtherCostsCount() {
        this.rates.set("EUR", this.launched.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1),
                new BigDecimal("1.20"), "test");
        // The provider priced one message in EUR; a shop reported in EUR, another in JPY
        // (no rate: kept apart, never added).
        this.jdbc.sql("""
                update outbound_message set price_unit = 'EUR'
                where id = (select min(id) from outbound_message where campaign_id = :id and price is not null)""")
            .param("id", this.campaign)
            .update();
        conversion(0L, 0L, "A", "20.00", "EUR", true);
        conversion(0L, 0L, "B", "1000", "JPY", true);
        this.campaigns.changeCosts(this.campaign,
                List.of(new CampaignDraft.Cost("Agency fee", CampaignDraft.CostKind.FIXED, new BigDecimal("10")),
                        new CampaignDraft.Cost("Coupon", CampaignDraft.CostKind.PER_CONVERSION, BigDecimal.ONE)),
                "test");

        CampaignReport report = this.reports.refreshedReport(this.campaign);

        CampaignReport.Money money = report.money();
        assertThat(report.funnel().conversions()).as("the JPY sale is a conversion all the same").isEqualTo(4);
        assertThat(money.messageCost()).as("0.29 USD + 0.05 EUR at 1.20").isEqualByComparingTo("0.35");
        assertThat(money.fixedCosts()).isEqualByComparingTo("10");
        assertThat(money.conversionCosts()).isEqualByComparingTo("4");
        assertThat(money.cost()).isEqualByComparingTo("14.35");
        assertThat(money.revenue()).as("150.50 USD + 20 EUR at 1.20").isEqualByComparingTo("174.50");
        assertThat(money.profit()).isEqualByComparingTo("160.15");
        assertThat(money.roi()).isCloseTo(160.15 / 14.35 * 100, within(0.01));
        assertThat(money.costPerConversion()).isEqualByComparingTo("3.5875");
        assertThat(money.costPerClick()).isEqualByComparingTo("4.7833");
        assertThat(money.unconverted())
            .containsExactly(new CampaignReport.Unconverted("REVENUE", "JPY", new BigDecimal("1000.00"), 1));
        assertThat(money.pricing()).isEqualTo(new CampaignReport.Pricing(6, 1, 0));
        assertThat(money.otherCosts()).extracting(CampaignReport.OtherCost::amount)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("10"), new BigDecimal("4"));
        assertThat(report.variants().get(0).revenue()).isEqualByComparingTo("124.00");
        assertThat(this.campaigns.get(this.campaign).events()).anyMatch((e) -> e.kind().equals("COSTS"));
    }

    @Test
    void aPeriodHoldingTheWholeCampaignShowsTheFiguresOfItsDashboard() {
        this.campaigns.changeCosts(this.campaign, List.of(
                new CampaignDraft.Cost("Creative", CampaignDraft.CostKind.FIXED, new BigDecimal("25")),
                new CampaignDraft.Cost("Commission", CampaignDraft.CostKind.PER_CONVERSION, new BigDecimal("2"))),
                "test");
        CampaignReport report = this.reports.refreshedReport(this.campaign);

        PeriodSummary summary = this.summaries.summary(this.launched.minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)));

        PeriodSummary.CampaignPeriod period = summary.campaigns()
            .stream()
            .filter((c) -> c.id() == this.campaign)
            .findFirst()
            .orElseThrow();
        assertThat(period.sent()).isEqualTo(report.funnel().sent());
        assertThat(period.delivered()).isEqualTo(report.funnel().delivered());
        assertThat(period.failed()).isEqualTo(report.funnel().failed());
        assertThat(period.undelivered()).isEqualTo(report.funnel().undelivered());
        assertThat(period.humanClickers()).isEqualTo(report.funnel().humanClickers());
        assertThat(period.conversions()).isEqualTo(report.funnel().conversions());
        assertThat(period.revenue()).isEqualByComparingTo(report.money().revenue());
        assertThat(period.messageCost()).isEqualByComparingTo(report.money().messageCost());
        assertThat(period.cost()).isEqualByComparingTo(report.money().cost());
        assertThat(period.profit()).isEqualByComparingTo(report.money().profit());
        assertThat(period.roi()).isEqualTo(report.money().roi());
        assertThat(period.humanCtr()).isEqualTo(report.rates().humanCtr());
        assertThat(period.deliveryRate()).isEqualTo(report.rates().delivery());

        PeriodSummary before = this.summaries.summary(this.launched.minus(Duration.ofDays(3)),
                this.launched.minus(Duration.ofDays(1)));
        assertThat(before.campaigns()).noneMatch((c) -> c.id() == this.campaign);
    }

    @Test
    void rollupsAgreeWithTheDirectComputationOverRawRows() {
        CampaignReport report = this.reports.refreshedReport(this.campaign);

        Map<MessageStatus, Long> counts = this.gateway.countsOfCampaign(this.campaign);
        assertThat(report.funnel().delivered()).isEqualTo(counts.get(MessageStatus.DELIVERED));
        assertThat(report.funnel().messages()).isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());
        BigDecimal directCost = this.jdbc.sql("""
                select sum(coalesce(price, estimated_cost)) from outbound_message
                where campaign_id = :id and provider_sid is not null and (price is not null or status <> 'FAILED')""")
            .param("id", this.campaign)
            .query(BigDecimal.class)
            .single();
        assertThat(report.money().cost()).isEqualByComparingTo(directCost);
        LinkStats stats = this.links.statsOfCampaign(this.campaign);
        assertThat(report.funnel().hits()).isEqualTo(stats.hits());
        assertThat(report.funnel().humanHits()).isEqualTo(stats.humanHits());
        assertThat(report.funnel().clickers()).isEqualTo(stats.links());
        assertThat(report.funnel().humanClickers()).isEqualTo(stats.humanLinks());
        Map<String, Long> clickersByVariant = this.links.humanClickersByVariant(this.campaign);
        assertThat(report.variants()).allSatisfy((variant) -> assertThat(variant.humanClickers())
            .isEqualTo(clickersByVariant.getOrDefault(variant.label(), 0L)));
        Map<String, long[]> conversionsByVariant = this.conversions.countsByVariant(this.campaign);
        assertThat(report.variants()).allSatisfy((variant) -> assertThat(variant.conversions())
            .isEqualTo(conversionsByVariant.getOrDefault(variant.label(), new long[] { 0 })[0]));
    }

    @Test
    void resultsAreBrokenDownByTheRecipientsAttributes() {
        long anna = contact("+49151", 8, "Berlin", "DE", "female", "1995-06-01", "sports");
        long ben = contact("+3361", 7, "Paris", "FR", "male", "1980-03-15", "travel");
        long cleo = contact("+49151", 8, "Berlin", "DE", null, "1960-09-30", "sports;travel");
        long dan = contact("+49151", 8, "Hamburg", "DE", "male", "1990-01-01", null);
        long eve = contact("+447400", 6, null, "GB", "female", null, null);
        // m1 delivered, clicked, converted; m2 delivered, only a bot; m3 delivered,
        // clicked;
        // m6 delivered, clicked, converted; m7 delivered, only a HEAD request.
        recipient(1, anna);
        recipient(2, dan);
        recipient(3, ben);
        recipient(6, cleo);
        recipient(7, eve);

        CampaignReport report = this.reports.refreshedReport(this.campaign);

        assertThat(slices(report, "GENDER")).containsExactlyInAnyOrder("female 2 1 1", "male 2 1 0", "unknown 1 1 1");
        assertThat(slices(report, "COUNTRY")).containsExactlyInAnyOrder("DE 3 2 2", "FR 1 1 0", "GB 1 0 0");
        assertThat(slices(report, "AGE")).containsExactlyInAnyOrder("25-34 1 1 1", "35-44 1 0 0", "45-54 1 1 0",
                "65+ 1 1 1", "unknown 1 0 0");
        assertThat(slices(report, "INTEREST")).containsExactlyInAnyOrder("sports 2 2 2", "travel 2 2 1", "none 2 0 0");
        assertThat(slices(report, "CITY")).containsExactlyInAnyOrder("Berlin 2 2 2", "Paris 1 1 0", "Hamburg 1 0 0",
                "unknown 1 0 0");
        assertThat(report.audience()).as("no CTR stated from so few messages")
            .allSatisfy((slice) -> assertThat(slice.humanCtr()).isNull());
    }

    private long contact(String prefix, int digits, String city, String country, String gender, String birthDate,
            String tags) {
        long low = (long) Math.pow(10, digits - 1);
        String number = prefix + ThreadLocalRandom.current().nextLong(low, low * 10);
        return this.contacts
            .create(new ContactInput(number, "Test", null, null, city, null, country, gender, birthDate, null, null,
                    tags, Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "test", "test")
            .id();
    }

    /** Gives the campaign's n-th message (and its link and conversions) to a contact. */
    private void recipient(int nth, long contact) {
        long message = this.jdbc
            .sql("select id from outbound_message where campaign_id = :id order by id offset :n limit 1")
            .param("id", this.campaign)
            .param("n", nth - 1)
            .query(Long.class)
            .single();
        this.jdbc.sql("update outbound_message set contact_id = :contact where id = :message")
            .param("contact", contact)
            .param("message", message)
            .update();
        this.jdbc.sql("update short_link set contact_id = :contact where message_id = :message")
            .param("contact", contact)
            .param("message", message)
            .update();
        this.jdbc.sql("""
                update conversion set contact_id = :contact
                where link_id in (select id from short_link where message_id = :message)""")
            .param("contact", contact)
            .param("message", message)
            .update();
    }

    private static List<String> slices(CampaignReport report, String dimension) {
        return report.audience()
            .stream()
            .filter((slice) -> slice.dimension().equals(dimension))
            .map((slice) -> slice.value() + " " + slice.delivered() + " " + slice.humanClickers() + " "
                    + slice.conversions())
            .toList();
    }

    @Test
    void theCampaignIsComparedWithItsHoldoutGroup() {
        long anna = contact("+49151", 8, "Berlin", "DE", "female", "1995-06-01", null);
        long cleo = contact("+49151", 8, "Berlin", "DE", null, "1960-09-30", null);
        recipient(1, anna);
        recipient(6, cleo);
        // The campaign's orders within its attribution window (launch + 7 days).
        this.jdbc.sql("update conversion set occurred_at = :at where campaign_id = :id")
            .param("at", Timestamp.from(this.launched.plus(Duration.ofDays(1))))
            .param("id", this.campaign)
            .update();
        long held1 = contact("+49151", 8, "Köln", "DE", "male", null, null);
        long held2 = contact("+49151", 8, "Köln", "DE", "male", null, null);
        this.jdbc.sql("insert into campaign_recipient values (:id, :a, 'HOLDOUT'), (:id, :b, 'HOLDOUT')")
            .param("id", this.campaign)
            .param("a", held1)
            .param("b", held2)
            .update();
        // One held-out customer bought anyway: the shop names the contact, there is no
        // click.
        this.conversions.record(new ConversionRequest(null, null, "sale", new BigDecimal("30"), "USD",
                "holdout-" + System.nanoTime(), this.launched.plus(Duration.ofDays(2)), held1),
                Conversions.Source.SERVER);

        CampaignReport.Holdout holdout = this.reports.refreshedReport(this.campaign).holdout();

        assertThat(holdout.holdout()).isEqualTo(2);
        assertThat(holdout.holdoutConverters()).isEqualTo(1);
        assertThat(holdout.treated())
            .as("contacts of the 7 messages the provider took: 5 of them share one stand-in contact")
            .isEqualTo(3);
        assertThat(holdout.treatedConverters()).isEqualTo(2);
        assertThat(holdout.treatedRate()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(holdout.lift()).isCloseTo(200.0 / 3 - 50, within(1e-9));
        assertThat(holdout.confidence()).as("too small a sample").isNull();
    }

    @Test
    void aPeriodSummaryCountsTheEventsThatFellIntoIt() {
        this.reports.refreshedReport(this.campaign);

        PeriodSummary sendingDay = this.summaries.summary(this.launched, this.launched.plus(Duration.ofDays(1)));
        PeriodSummary.CampaignPeriod sent = sendingDay.campaigns()
            .stream()
            .filter((c) -> c.id() == this.campaign)
            .findFirst()
            .orElseThrow();
        assertThat(sent.sent()).isEqualTo(7);
        assertThat(sent.delivered()).isEqualTo(5);
        assertThat(sent.failed()).as("as on the dashboard: failed apart from undelivered").isEqualTo(1);
        assertThat(sent.undelivered()).isEqualTo(1);
        assertThat(sent.humanClickers()).isEqualTo(3);
        assertThat(sent.cost()).isEqualByComparingTo("0.34");
        assertThat(sent.conversions()).as("the orders came in later").isZero();
        assertThat(sent.goals()).hasSize(4);

        PeriodSummary today = this.summaries.summary(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1)));
        PeriodSummary.CampaignPeriod ordered = today.campaigns()
            .stream()
            .filter((c) -> c.id() == this.campaign)
            .findFirst()
            .orElseThrow();
        assertThat(ordered.sent()).isZero();
        assertThat(ordered.conversions()).isEqualTo(2);
        assertThat(ordered.revenue()).isEqualByComparingTo("150.50");
        assertThat(today.total().conversions()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNewClickMarksTheCampaignAndTheNextRunCountsIt() {
        this.reports.refreshedReport(this.campaign);
        long l1 = this.jdbc.sql("select id from short_link where campaign_id = :id order by id limit 1")
            .param("id", this.campaign)
            .query(Long.class)
            .single();
        hit(l1, Instant.now(), true, null);
        this.jdbc.sql("update click_rollup_state set dirty = true where campaign_id = :id")
            .param("id", this.campaign)
            .update();

        assertThat(this.reports.report(this.campaign).funnel().humanHits()).as("not recomputed yet").isEqualTo(4);
        this.reports.refreshedReport(this.campaign);

        assertThat(this.reports.report(this.campaign).funnel().humanHits()).isEqualTo(5);
        assertThat(this.reports.report(this.campaign).funnel().humanClickers()).as("same person").isEqualTo(3);
    }

}
