package org.smscampaign.web.report;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.link.Brands;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response funnel in every report of a campaign: the REST report, the CSV file of the
 * dashboard, the comparison of all campaigns (page, CSV, REST) and a shared dashboard,
 * all with the same hand-computed figures (RespondedCampaign).
 */
@PlatformIT
class ResponseFunnelReportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    CampaignReports reports;

    @Autowired
    SignatureKey signatureKey;

    long campaign;

    RespondedCampaign fixture;

    HttpFixture manager;

    @BeforeEach
    void respondedCampaign() {
        this.fixture = new RespondedCampaign(this.jdbc, this.brands);
        this.campaign = this.fixture.campaign();
        this.reports.refreshedReport(this.campaign);
        this.manager = new HttpFixture(this.port);
        assertThat(this.manager.signIn("demo-manager", PlatformIT.DEMO_PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void theRestReportCarriesTheResponseFunnel() {
        JsonNode r = json("/api/v1/reports/campaigns/" + this.campaign).get("responses");
        assertThat(r.get("delivered").asLong()).isEqualTo(20);
        assertThat(r.get("responders").asLong()).isEqualTo(8);
        assertThat(r.get("queries").asLong()).isEqualTo(3);
        assertThat(r.get("answered").asLong()).isEqualTo(2);
        assertThat(r.get("waiting").asLong()).isEqualTo(1);
        assertThat(r.get("medianFirstAnswerSeconds").asDouble()).isEqualTo(1800.0);
        assertThat(r.get("converted").asLong()).isEqualTo(1);
        assertThat(r.get("responseRate").asDouble()).isEqualTo(40.0);
        assertThat(r.get("responderConversionRate").asDouble()).isEqualTo(12.5);
        assertThat(r.get("clickerConversionRate").asDouble()).isEqualTo(50.0);
        JsonNode rates = json("/api/v1/reports/campaigns/" + this.campaign).get("rates");
        assertThat(rates.get("replies").asLong()).as("the STOP and the HELP are no replies").isEqualTo(8);
        assertThat(rates.get("queries").asLong()).isEqualTo(3);
        assertThat(rates.get("optOuts").asLong()).isEqualTo(1);
    }

    @Test
    void textsFromPhonesFillTheFunnelAsTheyArrive() {
        inbound(this.fixture.number(15), "What colours do you have?");
        inbound(this.fixture.number(16), "STOP");
        inbound(this.fixture.number(17), "HELP");

        Instant deadline = Instant.now().plusSeconds(10);
        CampaignReport.Responses r = this.reports.report(this.campaign).responses();
        while (r.responders() < 9 && Instant.now().isBefore(deadline)) {
            pause();
            r = this.reports.report(this.campaign).responses();
        }
        assertThat(r.responders()).as("the question counts; STOP and HELP do not").isEqualTo(9);
        assertThat(r.queries()).isEqualTo(4);
        assertThat(r.waiting()).as("the new question waits for an answer").isEqualTo(2);
        assertThat(this.reports.report(this.campaign).rates().optOuts()).isEqualTo(2);
    }

    /** Between polls of a condition with a deadline. */
    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void inbound(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        HttpResponse<String> response = new HttpFixture(this.port).postSignedByTwilio("/webhooks/twilio/inbound", null,
                form, this.signatureKey.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void theDashboardCsvListsEveryResponseFigure() {
        HttpResponse<String> csv = this.manager.get("/dashboards/campaigns/" + this.campaign + "/responses.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("figure,value", "responders,8", "queries,3", "answered,2",
                "waiting_for_answer,1", "median_first_answer_seconds,1800.00", "responders_converted,1",
                "response_rate,40.00", "query_rate,15.00", "responder_conversion_rate,12.50",
                "clicker_conversion_rate,50.00", "attribution_days,7");
    }

    @Test
    void theComparisonOfCampaignsHasResponseAndQueryRates() {
        String csv = this.manager.get("/dashboards/campaigns.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",responders,response_rate,queries,query_rate");
        String row = csv.lines().filter((l) -> l.startsWith(this.campaign + ",")).findFirst().orElseThrow();
        assertThat(row).endsWith(",8,40.00,3,15.00");
        JsonNode rows = json("/api/v1/reports/campaigns").get("campaigns");
        JsonNode mine = null;
        for (JsonNode node : rows) {
            if (node.get("id").asLong() == this.campaign) {
                mine = node;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("responseRate").asDouble()).isEqualTo(40.0);
        assertThat(mine.get("queryRate").asDouble()).isEqualTo(15.0);
    }

    @Test
    void thePeriodSummaryComparesResponseAndQueryRates() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String html = this.manager.get("/reports?from=" + today.minusDays(3) + "&to=" + today).body();

        org.jsoup.nodes.Element row = org.jsoup.Jsoup.parse(html)
            .selectFirst("#summary-table tr[data-campaign=" + this.campaign + "]");
        assertThat(row).isNotNull();
        assertThat(row.selectFirst(".response-rate").text()).isEqualTo("40.0 %");
        assertThat(row.selectFirst(".query-rate").text()).isEqualTo("15.0 %");
    }

    @Test
    void aSharedDashboardShowsTheResponseFunnelWithoutWaysIntoThePlatform() {
        String form = "days=1&_csrf=" + this.manager.csrfToken("/dashboards/campaigns/" + this.campaign);
        assertThat(this.manager.post("/shares/campaigns/" + this.campaign, form).statusCode()).isEqualTo(302);
        JsonNode share = json("/api/v1/shares?campaignId=" + this.campaign).get(0);
        String path = URI.create(share.get("url").asString()).getPath();

        String html = new HttpFixture(this.port).get(path).body();

        assertThat(html).contains("id=\"response-funnel\"", "8 people responded; 1 of them bought")
            .containsPattern("data-figure=\"responses.responders\"[^>]*>8<")
            .doesNotContain("/retarget", "/inbox", "responses.csv");
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = this.manager.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
