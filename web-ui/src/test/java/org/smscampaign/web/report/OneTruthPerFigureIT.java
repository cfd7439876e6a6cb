package org.smscampaign.web.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.link.Brands;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One campaign with every kind of outcome (delivered, failed before and after the
 * provider took it, undelivered, suppressed; people, bots, previews and a repeat click;
 * conversions in USD, EUR and in a currency without a rate; other costs), read the way
 * each reader gets it: the dashboard page, its CSV files, the REST report, the period
 * summary page and the e-mailed summary. Every count and amount is the same in all five,
 * at the precision each shows.
 */
@PlatformIT
class OneTruthPerFigureIT {

    static final int SMTP_PORT = LoopbackSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT, "manager@shop.example");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    ExchangeRates rates;

    long campaign;

    LocalDate day;

    @BeforeEach
    void campaignWithEveryOutcome() {
        MixedOutcomeCampaign fixture = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        this.campaign = fixture.campaign();
        this.day = fixture.day();
        this.reports.refreshedReport(this.campaign);
    }

    @Test
    void everyReaderSeesTheSameFigures() throws Exception {
        CampaignReport report = this.reports.report(this.campaign);
        assertHandComputed(report);
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);

        Map<String, BigDecimal> rest = fromRest(http);
        Map<String, BigDecimal> page = fromDashboard(http);
        Map<String, BigDecimal> csv = fromCsv(http);
        Map<String, BigDecimal> period = fromSummary(
                summaryRow(http.get("/reports?from=" + this.day + "&to=" + this.day).body()));
        http.post("/reports/send", "from=" + this.day + "&to=" + this.day + "&_csrf=" + http.csrfToken("/reports"));
        MimeMessage mail = lastMail();
        Map<String, BigDecimal> mailed = fromSummary(summaryRow(LoopbackSmtp.html(mail)));

        Map<String, BigDecimal> expected = figures(report);
        assertSame("REST report", expected, rest);
        assertSame("dashboard page", expected, page);
        assertSame("CSV files", expected, csv);
        assertSame("period summary page", expected, period);
        assertSame("e-mailed summary", expected, mailed);

        String dashboard = http.get("/dashboards/campaigns/" + this.campaign).body();
        assertThat(Jsoup.parse(dashboard).select("#unconverted").text()).contains("1 conversion worth 4,000.00 JPY");
        assertThat(http.get("/dashboards/campaigns/" + this.campaign + "/money.csv").body())
            .contains("not_converted_revenue_JPY,4000");
        assertThat(summaryRow(http.get("/reports?from=" + this.day + "&to=" + this.day).body()).text())
            .contains("revenue 4,000.00 JPY");
    }

    /**
     * Issue 17: the campaign list reads the dashboard's report, and the campaign page's
     * live figures follow the funnel's definitions from the raw rows.
     */
    @Test
    void theCampaignListAndTheLivePageShowTheDashboardsFigures() {
        CampaignReport report = this.reports.report(this.campaign);
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        String name = this.campaigns.get(this.campaign).name();

        Element row = Jsoup.parse(http.get("/campaigns?q=" + HttpFixture.encode(name)).body())
            .selectFirst("#campaigns tr[data-id=" + this.campaign + "]");
        assertThat(row).as("the campaign's row in the list").isNotNull();
        assertThat(number(row.selectFirst(".figure-sent")))
            .isEqualByComparingTo(BigDecimal.valueOf(report.funnel().sent()));
        assertThat(number(row.selectFirst(".figure-delivered")))
            .isEqualByComparingTo(BigDecimal.valueOf(report.funnel().delivered()));
        assertThat(number(row.selectFirst(".figure-ctr")))
            .isEqualByComparingTo(BigDecimal.valueOf(report.rates().humanCtr()).setScale(1, RoundingMode.HALF_UP));
        assertThat(number(row.selectFirst(".figure-conversions")))
            .isEqualByComparingTo(BigDecimal.valueOf(report.funnel().conversions()));
        assertThat(row.select(".goals [data-verdict]").eachAttr("data-verdict"))
            .containsExactlyElementsOf(report.goals().stream().map((g) -> g.verdict().name()).toList());

        JsonNode live = JSON.readTree(http.get("/campaigns/" + this.campaign + "/live").body());
        assertThat(live.get("sent").asLong()).isEqualTo(report.funnel().sent());
        assertThat(live.get("delivered").asLong()).isEqualTo(report.funnel().delivered());
        assertThat(live.get("failed").asLong()).isEqualTo(report.funnel().failed() + report.funnel().undelivered());
        assertThat(live.get("humanClickers").asLong()).isEqualTo(report.funnel().humanClickers());
        assertThat(live.get("sending").asBoolean()).as("a completed campaign").isFalse();
    }

    /** The figures worked out by hand from the rows above. */
    private static void assertHandComputed(CampaignReport report) {
        assertThat(report.funnel().sent()).as("5 delivered, 1 undelivered").isEqualTo(6);
        assertThat(report.funnel().delivered()).isEqualTo(5);
        assertThat(report.funnel().failed()).isEqualTo(2);
        assertThat(report.funnel().undelivered()).isEqualTo(1);
        assertThat(report.funnel().suppressed()).isEqualTo(1);
        assertThat(report.funnel().humanClickers()).isEqualTo(3);
        assertThat(report.funnel().conversions()).isEqualTo(3);
        // 4 × 0.0865 USD + 0.0865 estimated + 0.08 EUR at 1.10 + 0 for the failed one
        assertThat(report.money().messageCost()).isEqualByComparingTo("0.52");
        assertThat(report.money().cost()).as("0.52 + 12.50 + 3 × 2").isEqualByComparingTo("19.02");
        assertThat(report.money().revenue()).as("49.90 USD + 30 EUR at 1.10").isEqualByComparingTo("82.90");
        assertThat(report.money().profit()).isEqualByComparingTo("63.88");
        assertThat(report.money().unconverted()).singleElement()
            .satisfies((u) -> assertThat(u.currency()).isEqualTo("JPY"));
    }

    private static Map<String, BigDecimal> figures(CampaignReport report) {
        Map<String, BigDecimal> figures = new HashMap<>();
        figures.put("sent", BigDecimal.valueOf(report.funnel().sent()));
        figures.put("delivered", BigDecimal.valueOf(report.funnel().delivered()));
        figures.put("failed", BigDecimal.valueOf(report.funnel().failed()));
        figures.put("undelivered", BigDecimal.valueOf(report.funnel().undelivered()));
        figures.put("humanClickers", BigDecimal.valueOf(report.funnel().humanClickers()));
        figures.put("conversions", BigDecimal.valueOf(report.funnel().conversions()));
        figures.put("revenue", report.money().revenue());
        figures.put("cost", report.money().cost());
        figures.put("profit", report.money().profit());
        figures.put("roi", BigDecimal.valueOf(report.money().roi()));
        return figures;
    }

    /** Equal at the precision the reader shows (ROI: whole percent). */
    private static void assertSame(String reader, Map<String, BigDecimal> expected, Map<String, BigDecimal> actual) {
        expected.forEach((figure, value) -> {
            BigDecimal seen = actual.get(figure);
            assertThat(seen).as(reader + ": " + figure + " is shown").isNotNull();
            int scale = figure.equals("roi") ? 0 : 2;
            assertThat(seen.setScale(scale, RoundingMode.HALF_UP)).as(reader + ": " + figure)
                .isEqualByComparingTo(value.setScale(scale, RoundingMode.HALF_UP));
        });
    }

    private Map<String, BigDecimal> fromRest(HttpFixture http) {
        JsonNode json = JSON.readTree(http.get("/api/v1/reports/campaigns/" + this.campaign).body());
        JsonNode funnel = json.path("funnel");
        JsonNode money = json.path("money");
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String count : List.of("sent", "delivered", "failed", "undelivered", "humanClickers", "conversions")) {
            figures.put(count, funnel.path(count).decimalValue());
        }
        for (String amount : List.of("revenue", "cost", "profit", "roi")) {
            figures.put(amount, money.path(amount).decimalValue());
        }
        return figures;
    }

    private Map<String, BigDecimal> fromDashboard(HttpFixture http) {
        Document page = Jsoup.parse(http.get("/dashboards/campaigns/" + this.campaign).body());
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String count : List.of("sent", "delivered", "failed", "undelivered", "humanClickers", "conversions")) {
            figures.put(count, number(page.selectFirst("[data-figure=funnel." + count + "]")));
        }
        for (String amount : List.of("revenue", "cost", "profit", "roi")) {
            figures.put(amount, number(page.selectFirst("[data-figure=money." + amount + "]")));
        }
        return figures;
    }

    private Map<String, BigDecimal> fromCsv(HttpFixture http) {
        Map<String, BigDecimal> funnel = pairs(
                http.get("/dashboards/campaigns/" + this.campaign + "/funnel.csv").body());
        Map<String, BigDecimal> money = pairs(http.get("/dashboards/campaigns/" + this.campaign + "/money.csv").body());
        Map<String, BigDecimal> figures = new HashMap<>();
        figures.put("sent", funnel.get("sent"));
        figures.put("delivered", funnel.get("delivered"));
        figures.put("failed", funnel.get("failed"));
        figures.put("undelivered", funnel.get("undelivered"));
        figures.put("humanClickers", funnel.get("human_clickers"));
        figures.put("conversions", funnel.get("conversions"));
        figures.put("revenue", money.get("revenue"));
        figures.put("cost", money.get("cost"));
        figures.put("profit", money.get("profit"));
        figures.put("roi", money.get("roi_percent"));
        return figures;
    }

    private static Map<String, BigDecimal> pairs(String csv) {
        Map<String, BigDecimal> pairs = new HashMap<>();
        for (String line : csv.strip().split("\r?\n")) {
            String[] cells = line.split(",", 2);
            if (cells.length == 2 && cells[1].matches("-?[0-9.]+")) {
                pairs.put(cells[0], new BigDecimal(cells[1]));
            }
        }
        return pairs;
    }

    private Element summaryRow(String html) {
        Element row = Jsoup.parse(html).selectFirst("#summary-table tr[data-campaign=" + this.campaign + "]");
        assertThat(row).as("the campaign's row in the summary").isNotNull();
        return row;
    }

    /**
     * Sent, delivered, failed, undelivered, clickers, CTR, conversions, revenue, cost,
     * profit, ROI.
     */
    private static Map<String, BigDecimal> fromSummary(Element row) {
        List<Element> cells = row.select("> td");
        Map<String, BigDecimal> figures = new HashMap<>();
        String[] columns = { null, null, "sent", "delivered", "failed", "undelivered", "humanClickers", null,
                "conversions", "revenue", "cost", "profit", "roi" };
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null) {
                figures.put(columns[i], number(cells.get(i)));
            }
        }
        return figures;
    }

    private static BigDecimal number(Element element) {
        assertThat(element).isNotNull();
        String text = element.text().replace(",", "").replace("%", "").strip();
        return new BigDecimal(text);
    }

    private MimeMessage lastMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("the summary was e-mailed").isNotEmpty();
        return received[received.length - 1];
    }

}
