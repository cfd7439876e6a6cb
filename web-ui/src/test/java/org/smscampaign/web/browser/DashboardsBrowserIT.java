package org.smscampaign.web.browser;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.link.Brands;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.DemoCampaign;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.report.MixedOutcomeCampaign;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards as a manager reads them in real Chromium: the overview with its trend chart,
 * a demo campaign's dashboard with its charts drawn, the variant view switched, a table
 * downloaded as CSV, a new click showing up without reloading; and no way to change a
 * campaign.
 */
@PlatformIT
class DashboardsBrowserIT extends BrowserSession {

    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    ExchangeRates rates;

    @BeforeEach
    void signedInManager() {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
    }

    private CampaignReport deliveredReport(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CampaignReport report = this.reports.refreshedReport(id);
        while (report.funnel().delivered() == 0 && System.nanoTime() < deadline) {
            sleep(250);
            report = this.reports.refreshedReport(id);
        }
        assertThat(report.funnel().delivered()).as("the demo campaign delivers through the simulator").isPositive();
        return report;
    }

    @Test
    void aManagerReadsTheOverviewAndACampaignDashboardThatStaysLive() {
        long id = DemoCampaign.id(this.campaigns, "Autumn running sale");
        CampaignReport report = deliveredReport(id);

        browser.open("/dashboards");
        assertThat(browser.heading()).isEqualTo("Dashboards");
        assertThat(browser.find(By.cssSelector("tr[data-campaign='" + id + "']")).getText())
            .contains("Autumn running sale");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-weeks")));
        assertThat(browser.fetchText(browser.find(By.id("campaigns-csv")).getAttribute("href")))
            .startsWith("id,name,status,launched_at,sent,delivered")
            .contains("Autumn running sale");

        assertThat(browser.find(By.id("heat-title")).getText()).isEqualTo("Best time to send");
        String bestTime = browser.fetchText("/dashboards/best-time.csv");
        assertThat(bestTime).startsWith("weekday,hour,delivered,human_clickers,human_ctr")
            .as("the demo campaign's deliveries counted in their recipients' hour of the week")
            .containsPattern("\\n[A-Z]+DAY,\\d+,[1-9]\\d*,");
        assertThat(browser.find(By.id("channel-table")).getText()).contains("SMS");

        browser.click(By.cssSelector("tr[data-campaign='" + id + "'] a"));
        assertThat(browser.path()).isEqualTo("/dashboards/campaigns/" + id);
        assertThat(browser.find(By.id("f-delivered")).getText()).isEqualTo(integer(report.funnel().delivered()));
        assertThat(browser.find(By.id("goals")).getText()).contains("Human click-through rate (%)", "Revenue");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-series")));

        browser.click(By.cssSelector("#audience button[data-dimension=GENDER]"));
        assertThat(browser.find(By.cssSelector("#audience table[data-dimension=GENDER]")).getText())
            .containsAnyOf("female", "male", "diverse", "unknown");
        assertThat(browser.findAll(By.cssSelector("#audience table[data-dimension=AGE]")).get(0).isDisplayed())
            .isFalse();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-audience")));

        browser.click(By.id("variant-view-chart"));
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.canvasDrawn(By.id("chart-variants")));
        assertThat(browser.findAll(By.id("variant-table")).get(0).isDisplayed()).isFalse();
        browser.click(By.id("variant-view-table"));
        assertThat(browser.find(By.cssSelector("tr[data-variant=A]")).isDisplayed()).isTrue();
        assertThat(browser.fetchText(browser.find(By.id("variants-csv")).getAttribute("href")))
            .startsWith("variant,sent,delivered,human_clickers,human_ctr")
            .containsPattern("\r?\nA,\\d+,\\d+,");

        // A person taps a delivered message's link (past the seconds after delivery when
        // only machines are that fast): the dashboard shows it without a reload.
        String code = this.jdbc.sql("""
                select l.code from short_link l join link_delivery d on d.message_id = l.message_id
                where l.campaign_id = :id and d.delivered_at < now() - interval '6 seconds'
                  and not exists (select 1 from link_click c where c.link_id = l.id) limit 1""")
            .param("id", id)
            .query(String.class)
            .optional()
            .orElseGet(() -> {
                sleep(6_500);
                return this.jdbc.sql("""
                        select l.code from short_link l join link_delivery d on d.message_id = l.message_id
                        where l.campaign_id = :id
                          and not exists (select 1 from link_click c where c.link_id = l.id) limit 1""")
                    .param("id", id)
                    .query(String.class)
                    .single();
            });
        assertThat(new HttpFixture(this.port).get("/r/" + code, "User-Agent", PHONE).statusCode()).isEqualTo(302);
        long before = report.funnel().humanClickers();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        CampaignReport after = this.reports.refreshedReport(id);
        while (after.funnel().humanClickers() == before && System.nanoTime() < deadline) {
            sleep(200);
            after = this.reports.refreshedReport(id);
        }
        String clicked = integer(after.funnel().humanClickers());
        assertThat(clicked).isNotEqualTo(integer(before));
        assertThat(browser.find(By.id("live")).isDisplayed()).isTrue();
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.find(By.id("f-clicked")).getText().equals(clicked));
    }

    @Test
    void aManagerReadsTodaysSummaryAndKeepsItInTheHistory() {
        long id = DemoCampaign.id(this.campaigns, "Autumn running sale");
        deliveredReport(id);
        String today = DemoCampaign.sendingDay(this.jdbc, id).toString();

        browser.open("/reports?from=" + today + "&to=" + today);
        assertThat(browser.heading()).isEqualTo("Summary report");
        assertThat(browser.find(By.cssSelector("#summary-table tr[data-campaign='" + id + "']")).getText())
            .contains("Autumn running sale");
        assertThat(browser.find(By.id("summary-total")).getText()).startsWith("All campaigns");

        browser.click(By.id("send"));
        assertThat(browser.path()).isEqualTo("/reports/history");
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("kept in the history");
        assertThat(browser.find(By.cssSelector("#report-table tbody tr")).getText()).contains("on demand")
            .contains("demo-manager")
            .contains("not sent");
        browser.click(By.cssSelector("#report-table tbody tr a"));
        assertThat(browser.title()).isEqualTo("Summary · " + today);
        assertThat(browser.find(By.tagName("body")).getText()).contains("Autumn running sale");
    }

    @Test
    void theDashboardAndThePeriodReportShowTheSameCountsAndMoney() {
        MixedOutcomeCampaign fixture = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        long id = fixture.campaign();
        this.reports.refreshedReport(id);

        browser.open("/dashboards/campaigns/" + id);
        Map<String, String> dashboard = new LinkedHashMap<>();
        for (String figure : List.of("sent", "delivered", "failed", "undelivered", "humanClickers", "conversions")) {
            dashboard.put(figure, browser.find(By.cssSelector("[data-figure='funnel." + figure + "']")).getText());
        }
        for (String figure : List.of("revenue", "cost", "profit")) {
            dashboard.put(figure, browser.find(By.cssSelector("[data-figure='money." + figure + "']")).getText());
        }
        assertThat(dashboard).containsEntry("sent", "6")
            .containsEntry("failed", "2")
            .containsEntry("undelivered", "1")
            .containsEntry("cost", "19.02")
            .containsEntry("revenue", "82.90")
            .containsEntry("profit", "63.88");
        assertThat(browser.find(By.id("unconverted")).getText()).contains("4,000.00 JPY");
        assertThat(browser.find(By.id("cost-sources")).getText()).contains("priced by the provider");
        assertThat(browser.findAll(By.cssSelector("#money .other-cost"))).hasSize(2);
        browser.screenshot("dashboard-money-desktop");
        browser.resize(390, 844);
        browser.open("/dashboards/campaigns/" + id);
        browser.screenshot("dashboard-money-phone");
        browser.resize(1280, 900);

        browser.open("/reports?from=" + fixture.day() + "&to=" + fixture.day());
        List<WebElement> cells = browser.findAll(By.cssSelector("#summary-table tr[data-campaign='" + id + "'] > td"));
        Map<String, String> period = new LinkedHashMap<>();
        String[] columns = { null, null, "sent", "delivered", "failed", "undelivered", "humanClickers", null,
                "conversions", "revenue", "cost", "profit" };
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null) {
                period.put(columns[i], cells.get(i).getText());
            }
        }
        assertThat(period).isEqualTo(dashboard);
        assertThat(cells.get(0).getText()).contains("not in the sums").contains("4,000.00 JPY");
        browser.screenshot("period-report-desktop");
        browser.resize(390, 844);
        browser.open("/reports?from=" + fixture.day() + "&to=" + fixture.day());
        browser.screenshot("period-report-phone");
        browser.resize(1280, 900);
    }

    /**
     * Issue 16, finding 3: 1,200 % and 3,000 % conversions per click appeared on a report
     * without a word.
     */
    @Test
    void inflatedConversionsAreFlaggedOnTheDashboard() {
        MixedOutcomeCampaign fixture = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        long id = fixture.campaign();
        this.reports.refreshedReport(id);
        browser.open("/dashboards/campaigns/" + id);
        assertThat(browser.findAll(By.id("conversion-anomalies"))).as("nothing to flag yet").isEmpty();

        fixture.inflate();
        this.reports.refreshedReport(id);
        browser.open("/dashboards/campaigns/" + id);

        assertThat(browser.find(By.id("anomaly-per-click")).getText()).contains("533 % per click");
        assertThat(browser.find(By.cssSelector(".anomaly-value[data-currency=USD]")).getText())
            .contains("1 conversion worth more than 10 times the median of 10.00 USD")
            .contains("5,000.00 USD");
        browser.screenshot("dashboard-anomalies-desktop");
        browser.resize(390, 844);
        browser.open("/dashboards/campaigns/" + id);
        assertThat(browser.find(By.id("conversion-anomalies")).isDisplayed()).isTrue();
        browser.screenshot("dashboard-anomalies-phone");
        browser.resize(1280, 900);
    }

    @Test
    void aCampaignWhoseHitsPassedTheRetentionSaysItsFiguresAreFinal() {
        MixedOutcomeCampaign fixture = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        long id = fixture.campaign();
        this.reports.refreshedReport(id);
        browser.open("/dashboards/campaigns/" + id);
        assertThat(browser.findAll(By.id("raw-detail-gone"))).as("all its hits are kept").isEmpty();

        // Its links made 16 months ago, and hits older than 13 months dropped.
        this.jdbc.sql("update short_link set created_at = now() - interval '16 months' where campaign_id = :id")
            .param("id", id)
            .update();
        this.jdbc.sql("""
                insert into raw_detail_dropped (table_name, dropped_before)
                values ('link_click', date_trunc('month', now() - interval '13 months', 'UTC'))""").update();
        try {
            browser.open("/dashboards/campaigns/" + id);
            assertThat(browser.find(By.id("raw-detail-gone")).getText()).startsWith("Individual hits before ")
                .endsWith(
                        "are no longer kept (retention): the click figures are final and come from the hourly rollups.");
            browser.screenshot("dashboard-retention-desktop");
            browser.resize(390, 844);
            browser.open("/dashboards/campaigns/" + id);
            assertThat(browser.find(By.id("raw-detail-gone")).isDisplayed()).isTrue();
            browser.screenshot("dashboard-retention-phone");
        }
        finally {
            browser.resize(1280, 900);
            this.jdbc.sql("delete from raw_detail_dropped where table_name = 'link_click'").update();
        }
    }

    @Test
    void aReversedRangeIsExplained() {
        browser.open("/reports?from=2026-11-20&to=2026-11-10");
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText())
            .isEqualTo("The range ends before it starts: pick a “to” day on or after the “from” day.");
    }

    @Test
    void aManagerCannotChangeACampaign() {
        long draft = DemoCampaign.id(this.campaigns, "Travel deals for the holidays");
        assertThat(this.campaigns.get(draft).status()).isEqualTo(CampaignStatus.DRAFT);

        browser.open("/campaigns/" + draft);
        assertThat(browser.findAll(By.id("lifecycle"))).as("no edit, launch or cancel buttons").isEmpty();
        assertThat(browser.postStatus("/campaigns/" + draft + "/launch")).isEqualTo(403);
        assertThat(this.campaigns.get(draft).status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void anUnknownCampaignDashboardIsANotFoundPage() {
        browser.open("/dashboards/campaigns/987654321");
        assertThat(browser.title()).containsIgnoringCase("not found");
    }

    private static String integer(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
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
