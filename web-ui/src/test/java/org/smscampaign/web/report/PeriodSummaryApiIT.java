package org.smscampaign.web.report;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.link.Brands;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.ApiScope;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 7: the period summary had no CSV and no REST. Both now give the
 * figures of the Reports page for the same days, to an API key that may read.
 */
@PlatformIT
class PeriodSummaryApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> FIGURES = List.of("sent", "delivered", "failed", "undelivered", "humanClickers",
            "conversions", "revenue", "cost", "profit");

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

    @Autowired
    ApiKeys apiKeys;

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
    void jsonAndCsvHoldTheFiguresOfTheReportsPage() {
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        String range = "from=" + this.day + "&to=" + this.day;
        Map<String, BigDecimal> page = fromPage(http.get("/reports?" + range).body());

        String key = this.apiKeys.create("summary reader", Role.MANAGER, Set.of(ApiScope.API_READ), "test").token();
        HttpFixture machine = new HttpFixture(this.port);
        HttpResponse<String> json = machine.get("/api/v1/reports/summary?" + range, "X-API-Key", key);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(fromJson(json.body())).isEqualTo(page);

        HttpResponse<String> csv = machine.get("/api/v1/reports/summary?" + range + "&format=csv", "X-API-Key", key);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
            .contains("summary-" + this.day + "-" + this.day + ".csv");
        assertThat(fromCsv(csv.body())).isEqualTo(page);
        assertThat(csv.body()).as("the total closes the file").containsPattern("\r\n0,All campaigns,");

        HttpResponse<String> accepted = machine.get("/api/v1/reports/summary?" + range, "X-API-Key", key, "Accept",
                "text/csv");
        assertThat(accepted.body()).isEqualTo(csv.body());
        assertThat(http.get("/api/v1/reports/summary?" + range + "&format=csv").body())
            .as("the page's download link, with the session")
            .isEqualTo(csv.body());
    }

    @Test
    void aKeyWithoutReadScopeOrABackwardsRangeIsRefused() {
        String writer = this.apiKeys.create("postback only", Role.MARKETER, Set.of(ApiScope.CONVERSIONS_WRITE), "test")
            .token();
        HttpFixture machine = new HttpFixture(this.port);
        assertThat(machine.get("/api/v1/reports/summary", "X-API-Key", writer).statusCode()).isEqualTo(403);

        String reader = this.apiKeys.create("reader", Role.MANAGER, Set.of(ApiScope.API_READ), "test").token();
        HttpResponse<String> backwards = machine.get("/api/v1/reports/summary?from=2026-03-02&to=2026-03-01",
                "X-API-Key", reader);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("/problems/bad-request").contains("ends before it starts");
    }

    private Map<String, BigDecimal> fromPage(String html) {
        Element row = Jsoup.parse(html).selectFirst("#summary-table tr[data-campaign=" + this.campaign + "]");
        assertThat(row).as("the campaign's row on the page").isNotNull();
        List<Element> cells = row.select("> td");
        String[] columns = { null, null, "sent", "delivered", "failed", "undelivered", "humanClickers", null,
                "conversions", "revenue", "cost", "profit" };
        Map<String, BigDecimal> figures = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null) {
                figures.put(columns[i], new BigDecimal(cells.get(i).text().replace(",", "")));
            }
        }
        return figures;
    }

    private Map<String, BigDecimal> fromJson(String body) {
        JsonNode row = null;
        for (JsonNode campaign : JSON.readTree(body).path("campaigns")) {
            if (campaign.path("id").asLong() == this.campaign) {
                row = campaign;
            }
        }
        assertThat(row).as("the campaign in the JSON").isNotNull();
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String figure : FIGURES) {
            figures.put(figure, cents(row.path(figure).decimalValue(), figure));
        }
        return figures;
    }

    private Map<String, BigDecimal> fromCsv(String body) {
        String[] lines = body.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        for (String line : lines) {
            String[] cells = line.split(",");
            if (cells[0].equals(String.valueOf(this.campaign))) {
                Map<String, BigDecimal> figures = new HashMap<>();
                for (String figure : FIGURES) {
                    int column = column(header, figure);
                    figures.put(figure, cents(new BigDecimal(cells[column]), figure));
                }
                return figures;
            }
        }
        throw new AssertionError("the campaign in the CSV:\n" + body);
    }

    private static int column(List<String> header, String figure) {
        String snake = figure.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(snake) || header.get(i).startsWith(snake + "_")) {
                return i;
            }
        }
        throw new AssertionError("no column " + snake + " in " + header);
    }

    /** Counts as they are, money at the page's two decimals. */
    private static BigDecimal cents(BigDecimal value, String figure) {
        boolean money = List.of("revenue", "cost", "profit").contains(figure);
        return money ? value.setScale(2, java.math.RoundingMode.HALF_UP) : value;
    }

}
