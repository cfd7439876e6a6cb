package org.smscampaign.web.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
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
 * Daily, weekly and monthly summaries over REST as JSON, CSV and PDF: the period holding
 * the asked day in the account's zone, the same figures in every format, the bottom line,
 * the goals and the alerts raised in the period.
 */
@PlatformIT
class SummariesApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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

    @Autowired
    ReportSettings settings;

    long campaign;

    LocalDate day;

    String key;

    @BeforeEach
    void campaignWithEveryOutcomeAndAnAlert() {
        MixedOutcomeCampaign fixture = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        this.campaign = fixture.campaign();
        this.day = fixture.day();
        this.reports.refreshedReport(this.campaign);
        this.jdbc.sql("""
                insert into alert (rule, campaign_id, campaign_name, subject, severity, title, figures, raised_at,
                    resolved_at)
                values ('DELIVERY_RATE', :id, 'Figures everywhere ' || :day, 'api-it', 'WARNING',
                    'Delivery rate below 90 %', '{"deliveryRate": 71.4}', :raised, :resolved)""")
            .param("id", this.campaign)
            .param("day", this.day.toString())
            .param("raised", Timestamp.from(this.day.atTime(10, 30).toInstant(ZoneOffset.UTC)))
            .param("resolved", Timestamp.from(this.day.atTime(11, 45).toInstant(ZoneOffset.UTC)))
            .update();
        this.key = this.apiKeys.create("summaries reader", Role.MANAGER, Set.of(ApiScope.API_READ), "test").token();
    }

    @AfterEach
    void configuredDefaultsAgain() {
        this.settings.reset();
    }

    @Test
    void eachKindIsThePeriodHoldingTheDayWithTheSameFiguresAsJsonCsvAndPdf() throws Exception {
        LocalDate monday = this.day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstOfMonth = this.day.withDayOfMonth(1);
        long sent = -1;
        long delivered = -1;
        for (SummaryKind kind : SummaryKind.values()) {
            String path = "/api/v1/reports/summaries/" + kind.slug() + "?date=" + this.day;
            HttpResponse<String> json = new HttpFixture(this.port).get(path, "X-API-Key", this.key);
            assertThat(json.statusCode()).isEqualTo(200);
            JsonNode document = JSON.readTree(json.body());
            assertThat(document.path("kind").asString()).isEqualTo(kind.name());
            assertThat(document.path("timeZone").asString()).isEqualTo("UTC");
            LocalDate first = switch (kind) {
                case DAILY -> this.day;
                case WEEKLY -> monday;
                case MONTHLY -> firstOfMonth;
            };
            assertThat(document.path("first").asString()).isEqualTo(first.toString());
            assertThat(document.path("from").asString())
                .isEqualTo(first.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            JsonNode row = row(document);
            if (kind == SummaryKind.DAILY) {
                assertThat(document.path("complete").asBoolean()).as("a past day").isTrue();
                sent = row.path("sent").asLong();
                delivered = row.path("delivered").asLong();
                assertThat(sent).isPositive();
            }
            assertThat(row.path("sent").asLong()).as(kind + ": all of the campaign's day").isEqualTo(sent);
            assertThat(row.path("delivered").asLong()).isEqualTo(delivered);
            assertThat(row.path("goals").get(0).path("verdict").asString()).isNotBlank();
            assertThat(row.path("goals").get(0).path("actual").decimalValue()).isNotNull();
            assertThat(titles(document)).contains("Delivery rate below 90 %");
            JsonNode total = document.path("summary").path("total");

            HttpResponse<String> csv = new HttpFixture(this.port).get(path + "&format=csv", "X-API-Key", this.key);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains(kind.slug() + "-");
            assertThat(csv.body())
                .contains("\r\n" + this.campaign + ",Figures everywhere " + this.day + ",COMPLETED," + sent + ","
                        + delivered + ",")
                .contains("\r\n0,All campaigns,");
            assertThat(new HttpFixture(this.port).get(path, "X-API-Key", this.key, "Accept", "text/csv").body())
                .isEqualTo(csv.body());

            HttpResponse<byte[]> pdf = bytes(path + "&format=pdf", "*/*");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String text = text(pdf.body());
            // Kept to look at (pdftoppm -png target/screenshots/summary-weekly.pdf ...).
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/summary-" + kind.slug() + ".pdf"),
                    pdf.body());
            assertThat(text).contains(document.path("title").asString())
                .contains("Bottom line")
                .contains("UTC")
                .contains(money(total.path("revenue")))
                .contains(money(total.path("cost")))
                .contains(money(total.path("profit")))
                .contains("Figures everywhere " + this.day)
                .contains("Delivery rate below 90 %");
            assertThat(bytes(path, "application/pdf").body()).as("by Accept").startsWith(pdf.body()[0], pdf.body()[1]);
        }
    }

    @Test
    void theAccountZoneDecidesWhereADayStarts() {
        long sentInUtc = row(JSON.readTree(new HttpFixture(this.port)
            .get("/api/v1/reports/summaries/daily?date=" + this.day, "X-API-Key", this.key)
            .body())).path("sent").asLong();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        this.settings.save(tokyo, 6, List.of(), EnumSet.noneOf(SummaryKind.class), "admin");

        JsonNode document = JSON.readTree(new HttpFixture(this.port)
            .get("/api/v1/reports/summaries/daily?date=" + this.day, "X-API-Key", this.key)
            .body());

        assertThat(document.path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(Instant.parse(document.path("from").asString())).isEqualTo(this.day.atStartOfDay(tokyo).toInstant());
        assertThat(Instant.parse(document.path("to").asString()))
            .isEqualTo(this.day.plusDays(1).atStartOfDay(tokyo).toInstant());
        // Sent at 10:00 UTC = 19:00 in Tokyo: still the same day there.
        assertThat(row(document).path("sent").asLong()).isEqualTo(sentInUtc).isPositive();
    }

    @Test
    void anUnknownKindOrFormatIsExplained() {
        HttpFixture machine = new HttpFixture(this.port);
        HttpResponse<String> yearly = machine.get("/api/v1/reports/summaries/yearly", "X-API-Key", this.key);
        assertThat(yearly.statusCode()).isEqualTo(400);
        assertThat(yearly.body()).contains("/problems/bad-request").contains("daily, weekly or monthly");
        assertThat(machine.get("/api/v1/reports/summaries/weekly?format=xls", "X-API-Key", this.key).statusCode())
            .isEqualTo(400);
    }

    private JsonNode row(JsonNode document) {
        for (JsonNode row : document.path("summary").path("campaigns")) {
            if (row.path("id").asLong() == this.campaign) {
                return row;
            }
        }
        throw new AssertionError("the campaign in " + document);
    }

    private static List<String> titles(JsonNode document) {
        List<String> titles = new java.util.ArrayList<>();
        document.path("alerts").forEach((alert) -> titles.add(alert.path("title").asString()));
        return titles;
    }

    private static String money(JsonNode amount) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(amount.decimalValue());
    }

    private HttpResponse<byte[]> bytes(String path, String accept) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("X-API-Key", this.key)
            .header("Accept", accept)
            .timeout(java.time.Duration.ofSeconds(30))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

}
