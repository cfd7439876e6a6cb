package org.smscampaign.web.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a new user meets it: its running campaign is delivered by the simulator, a
 * simulated audience taps the links through the real redirector (phones, link previews,
 * scanners), and within a minute of starting the dashboard shows people's clicks apart
 * from the machines'. Leaves the screenshot used in the README.
 */
@PlatformIT
@TestPropertySource(properties = { "sms.demo.taps=true", "sms.campaign.frequency-cap.messages=0" })
class DemoDashboardIT extends BrowserSession {

    @Autowired
    org.smscampaign.messaging.Prices prices;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    ContactQueries contacts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withinAMinuteOfLaunchTheDemoDashboardShowsHumanClicksApartFromBots() {
        // The demo's own sending campaign may have gone out in an earlier test context:
        // send
        // it again (without the frequency cap) for this context's simulated audience.
        CampaignDraft demo = this.campaigns.list(null, 1000)
            .stream()
            .filter((c) -> c.name().equals("Autumn running sale"))
            .findFirst()
            .orElseThrow()
            .draft();
        CampaignView again = this.campaigns.create(new CampaignDraft("Autumn running sale, second wave", demo.sender(),
                demo.brandId(), demo.audience(), demo.variants(), demo.schedule(), demo.windowPolicy(),
                demo.optOutLine(), demo.signature(), demo.holdoutPercent(), demo.winner(), demo.goals(),
                demo.attributionDays(), demo.evaluationDays(), List.of()), "demo-marketer");
        long launched = System.currentTimeMillis();
        this.campaigns.launch(again.id(), "demo-marketer");

        // The page reads the rollups as they are: no forced recomputation here.
        long deadline = launched + Duration.ofSeconds(60).toMillis();
        CampaignReport report = this.reports.report(again.id());
        while (!(report.funnel().humanClickers() > 0 && report.funnel().hits() > report.funnel().humanHits())
                && System.currentTimeMillis() < deadline) {
            sleep(1_000);
            report = this.reports.report(again.id());
        }
        assertThat(report.funnel().humanClickers()).as("people tapped").isPositive();
        assertThat(report.funnel().hits()).as("previews and scanners fetched too, and are not people")
            .isGreaterThan(report.funnel().humanHits());
        assertThat(report.excluded()).isNotEmpty();

        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        browser.open("/dashboards/campaigns/" + again.id());
        assertThat(browser.find(By.id("demo-badge")).getText()).isEqualTo("Demo data");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-series")));
        assertThat(browser.findAll(By.cssSelector("#exclusions li"))).isNotEmpty();
        browser.resize(1280, 3000);
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-delays")));
    }

    @Test
    void theDemoTellsAStoryOfMonthsOfPastCampaigns() {
        // The history is written in the background after startup.
        browser.waitUntil(Duration.ofSeconds(120), () -> pastCampaigns(this.reports.overview(20)).size() >= 9);
        CampaignOverview overview = this.reports.overview(20);
        List<CampaignOverview.Row> past = pastCampaigns(overview);
        assertThat(past).as("past campaigns").hasSizeGreaterThanOrEqualTo(9);
        assertThat(past).allSatisfy((row) -> {
            assertThat(row.delivered()).isPositive();
            assertThat(row.humanClickers()).isPositive();
            assertThat(row.conversions()).isPositive();
            assertThat(row.revenue()).isPositive();
        });
        // Whatever order the overview lists them in: from the first launch to the last.
        Instant first = past.stream().map(CampaignOverview.Row::launchedAt).min(Instant::compareTo).orElseThrow();
        Instant last = past.stream().map(CampaignOverview.Row::launchedAt).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(first, last)).as("the history spans months").isGreaterThan(Duration.ofDays(90));
        Set<YearMonth> months = overview.weeks()
            .stream()
            .filter((week) -> week.delivered() > 0 && week.humanClickers() > 0)
            .map((week) -> YearMonth.from(week.week().atZone(ZoneOffset.UTC)))
            .collect(Collectors.toSet());
        assertThat(months).as("months of the overview trend with deliveries and clicks").hasSizeGreaterThanOrEqualTo(3);
        assertThat(overview.bestTime().stream().filter((cell) -> cell.humanCtr() != null).count())
            .as("hours of the heat map with enough messages to tell")
            .isGreaterThanOrEqualTo(6);
        assertThat(overview.channels()).extracting(CampaignReport.ChannelCost::channel).contains("SMS", "WHATSAPP");
        assertThat(this.jdbc
            .sql("select count(*) from inbound_message where kind = 'OPT_OUT' and campaign_id in "
                    + "(select id from campaign where launch_key like 'demo-history-%')")
            .query(Long.class)
            .single()).as("some people opted out").isPositive();

        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        for (int[] size : new int[][] { { 1440, 900 }, { 390, 844 } }) {
            browser.resize(size[0], size[1]);
            browser.open("/dashboards");
            browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-weeks")));
            assertThat(browser.findAll(By.id("heat-empty"))).isEmpty();
            assertThat(browser.find(By.id("campaign-table")).getText()).contains("Mid-season sale",
                    "Weekend flash sale");
            browser.screenshot("demo-overview-" + size[0]);
            browser.scrollTo(By.id("best-time"));
            browser.screenshot("demo-heat-map-" + size[0]);
        }
    }

    @Test
    void theDemosContactsHaveChannelsAndItsPastCascadesAreCostedAgainstSmsOnly() {
        browser.waitUntil(Duration.ofSeconds(120), () -> pastCampaigns(this.reports.overview(20)).size() >= 9);
        Map<String, Long> preferred = new java.util.HashMap<>();
        this.jdbc.sql("select coalesce(preferred_channel, 'NONE'), count(*) from contact group by 1")
            .query((row, n) -> preferred.put(row.getString(1), row.getLong(2)))
            .list();
        assertThat(preferred).as("a mix of preferred channels").containsKeys("NONE", "SMS", "WHATSAPP", "RCS");
        assertThat(this.jdbc.sql("""
                select count(*) from contact c join consent_event e on e.contact_id = c.id and e.channel = 'WHATSAPP'
                where c.whatsapp_consent = 'OPTED_IN' and e.proof like 'Demo import%'""").query(Long.class).single())
            .as("WhatsApp opt-ins with their proof")
            .isGreaterThan(500);

        String cascades = "(select id from campaign where launch_key like 'demo-history-%')";
        Map<String, Object> chains = this.jdbc
            .sql("""
                    select count(*) filter (where r.chain_step = 0 and r.channel = 'WHATSAPP') as roots,
                        count(*) filter (where r.error_code = 63003 and r.chain_advanced) as not_on_whatsapp,
                        count(*) filter (where r.read_at is not null) as read,
                        count(*) filter (where r.chain_step = 0 and r.sms_only_cost is null) as roots_without_baseline,
                        (select count(*) from outbound_message s where s.chain_step = 1 and s.channel = 'SMS'
                            and s.campaign_id in %s) as sms_steps,
                        (select count(*) from outbound_message s join outbound_message f on f.id = s.chain_root_id
                            where s.chain_step = 1 and s.campaign_id in %s and f.error_code <> 63003) as strays
                    from outbound_message r where r.chain_id is not null and r.chain_step = 0 and r.campaign_id in %s"""
                .formatted(cascades, cascades, cascades))
            .query()
            .singleRow();
        assertThat((Long) chains.get("roots")).as("cascades starting on WhatsApp").isGreaterThan(100);
        assertThat(chains.get("sms_steps")).as("an SMS step for each number not on WhatsApp")
            .isEqualTo(chains.get("not_on_whatsapp"));
        assertThat((Long) chains.get("sms_steps")).isPositive();
        assertThat(chains.get("strays")).isEqualTo(0L);
        assertThat((Long) chains.get("read")).as("some WhatsApp messages were read").isPositive();
        assertThat(chains.get("roots_without_baseline")).isEqualTo(0L);
        assertThat(this.jdbc.sql("""
                select count(*) from channel_reachability x join outbound_message m on m.id = x.message_id
                where x.channel = 'WHATSAPP' and x.error_code = 63003 and m.error_code = 63003""")
            .query(Long.class)
            .single()).as("the numbers learned not to be on WhatsApp").isPositive();
        // Whether the cascades save overall depends on the demo's mix of countries
        // (WhatsApp
        // costs more than SMS in the US): what always holds is that a chain delivered on
        // WhatsApp where WhatsApp is the cheaper channel costs less than SMS alone, and a
        // chain handed on to SMS costs both.
        Map<String, Object> cost = this.jdbc.sql("""
                select count(*) filter (where r.status = 'DELIVERED' and r.estimated_cost < r.sms_only_cost) as saved,
                    count(*) filter (where r.status = 'DELIVERED' and r.estimated_cost >= r.sms_only_cost
                        and r.to_number not like '+1%%') as dearer,
                    count(*) filter (where r.chain_advanced and (select s.estimated_cost from outbound_message s
                        where s.chain_root_id = r.id) is distinct from r.sms_only_cost) as fallback_mispriced
                from outbound_message r where r.chain_id is not null and r.chain_step = 0
                  and r.campaign_id in %s""".formatted(cascades)).query().singleRow();
        assertThat((Long) cost.get("saved")).as("chains delivered on WhatsApp for less than SMS").isPositive();
        assertThat(cost.get("dearer")).as("outside the US and Canada WhatsApp is the cheaper channel").isEqualTo(0L);
        assertThat(cost.get("fallback_mispriced")).as("an SMS step is priced as SMS alone").isEqualTo(0L);
        // Priced as the gateway prices: the baseline is the SMS price of the number's
        // country, the WhatsApp step the WhatsApp price of it.
        this.jdbc.sql("""
                select to_number, sms_only_cost, estimated_cost from outbound_message
                where chain_id is not null and chain_step = 0 and campaign_id in %s limit 50""".formatted(cascades))
            .query((row, n) -> {
                String number = row.getString("to_number");
                assertThat(row.getBigDecimal("sms_only_cost")).as("SMS-only price of " + number)
                    .isEqualByComparingTo(this.prices.quote("default", number).perSegment());
                assertThat(row.getBigDecimal("estimated_cost")).as("WhatsApp price of " + number)
                    .isEqualByComparingTo(this.prices.quote("whatsapp", number).perSegment());
                return number;
            })
            .list();
    }

    @Test
    void theDemosFirstNamesMatchTheirGendersAndLandlinesAreNotReachable() {
        List<String> women = new ArrayList<>();
        this.contacts.forEachMatching(
                ContactCriteria.Condition.of(ContactField.GENDER, CriteriaOperator.EQUALS, "female"), false,
                (row) -> women.add(row.getString("first_name")));
        assertThat(women).isNotEmpty()
            .doesNotContainAnyElementsOf(List.of("Lukas", "Leon", "Jonas", "Felix", "Paul", "Liam", "Noah", "James",
                    "Hugo", "Mateo", "Oliver", "George", "Harry", "William", "Benjamin", "Gabriel", "Arthur"));
        AudienceCount everyone = this.contacts.count(ContactCriteria.EVERYONE);
        assertThat(everyone.landlines()).as("subscribed landlines, left out").isPositive();
        assertThat(this.jdbc.sql("select count(*) from contact where phone_type = 'FIXED_LINE' and erased_at is null")
            .query(Long.class)
            .single()).isGreaterThanOrEqualTo(everyone.landlines());
    }

    private static List<CampaignOverview.Row> pastCampaigns(CampaignOverview overview) {
        return overview.campaigns()
            .stream()
            .filter((row) -> row.launchedAt().isBefore(Instant.now().minus(Duration.ofDays(10))))
            .filter((row) -> row.delivered() > 0)
            .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
