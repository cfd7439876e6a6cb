package org.smscampaign.web.share;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
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
 * Shared read-only links end to end: a manager shares a campaign's dashboard and a
 * summary; someone without an account opens them (figures, no contact, no navigation);
 * revoked or expired they are gone, tampered or never made they are not found; a marketer
 * cannot make one.
 */
@PlatformIT
class ShareLinksIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    ShareTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private HttpFixture manager;

    @BeforeEach
    void signedInManager() {
        this.manager = signedIn("demo-manager");
    }

    @Test
    void aSharedDashboardShowsTheFiguresToAnyoneButNoContact() {
        long id = deliveredDemoCampaign();
        CampaignReport report = this.reports.refreshedReport(id);
        JsonNode share = shareCampaign(id, "7", "for ACME client");
        long shareId = share.get("id").asLong();
        String path = pathOf(share);
        assertThat(share.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(share.get("label").asString()).isEqualTo("for ACME client");
        assertThat(share.get("createdBy").asString()).isEqualTo("demo-manager");
        assertThat(Instant.parse(share.get("expiresAt").asString())).isCloseTo(Instant.now().plus(Duration.ofDays(7)),
                org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));

        HttpFixture stranger = new HttpFixture(this.port);
        HttpResponse<String> page = stranger.get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Robots-Tag"))
            .hasValueSatisfying((v) -> assertThat(v).contains("noindex"));
        assertThat(page.headers().firstValue("Set-Cookie")).as("no session for a visitor").isEmpty();
        String html = page.body();
        assertThat(html).contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
            .contains(report.name())
            .contains("Shared by demo-manager")
            .containsPattern("data-figure=\"funnel.delivered\"[^>]*>[1-9][0-9,]*<");
        assertThat(html).as("no navigation, no sign-out, no way into the platform")
            .doesNotContain("href=\"/campaigns", "href=\"/dashboards", "href=\"/contacts", "Sign out", "href=\"/\"",
                    ".csv", "for ACME client");
        assertNoRecipientNumber(id, html);

        HttpResponse<String> figures = stranger.get(path + "/report", "Accept", "application/json");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertNoRecipientNumber(id, figures.body());
        assertSameFiguresAsSignedIn(stranger, path, id);

        JsonNode listed = get("/api/v1/shares/" + shareId);
        assertThat(listed.get("openCount").asLong()).as("the page counted, not its figures").isEqualTo(1);
        assertThat(listed.get("lastOpenedAt").isNull()).isFalse();
    }

    @Test
    void aRevokedLinkIsGoneAtOnce() {
        long id = deliveredDemoCampaign();
        JsonNode share = shareCampaign(id, "1", null);
        String path = pathOf(share);
        HttpFixture stranger = new HttpFixture(this.port);
        assertThat(stranger.get(path).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = this.manager.post("/shares/" + share.get("id").asLong() + "/revoke",
                "_csrf=" + this.manager.csrfToken("/shares"));
        assertThat(revoked.statusCode()).isEqualTo(302);

        HttpResponse<String> gone = stranger.get(path);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("This link is no longer available")
            .doesNotContain(this.campaigns.get(id).name());
        assertThat(stranger.get(path + "/report").statusCode()).isEqualTo(410);
        JsonNode listed = get("/api/v1/shares/" + share.get("id").asLong());
        assertThat(listed.get("status").asString()).isEqualTo("REVOKED");
        assertThat(listed.get("revokedBy").asString()).isEqualTo("demo-manager");
    }

    @Test
    void anExpiredLinkIsGone() {
        long id = deliveredDemoCampaign();
        long share = shareCampaign(id, "7", null).get("id").asLong();
        Instant past = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        this.jdbc.sql("update share_link set expires_at = :at where id = :id")
            .param("at", java.sql.Timestamp.from(past))
            .param("id", share)
            .update();

        HttpResponse<String> gone = new HttpFixture(this.port).get("/shared/" + this.tokens.of(share, past));

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("This link is no longer available");
        assertThat(get("/api/v1/shares/" + share).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aTamperedOrUnknownLinkIsNotFound() {
        long id = deliveredDemoCampaign();
        JsonNode share = shareCampaign(id, "7", null);
        String token = pathOf(share).substring("/shared/".length());
        Instant expiry = Instant.parse(share.get("expiresAt").asString());
        HttpFixture stranger = new HttpFixture(this.port);

        String tampered = token.substring(0, 63) + ((token.charAt(63) == 'A') ? 'Q' : 'A');
        String stretched = this.tokens.of(share.get("id").asLong(), expiry.plus(Duration.ofDays(365)));
        String neverMade = this.tokens.of(987_654_321L, expiry);
        for (String wrong : List.of(tampered, stretched, neverMade, "nothing")) {
            HttpResponse<String> page = stranger.get("/shared/" + wrong);
            assertThat(page.statusCode()).as(wrong).isEqualTo(404);
            assertThat(page.body()).contains("This link does not work").doesNotContain(this.campaigns.get(id).name());
            assertThat(stranger.get("/shared/" + wrong + "/report").statusCode()).isEqualTo(404);
        }
        assertThat(stranger.post("/shared/" + token, "").statusCode()).as("read-only").isEqualTo(403);
    }

    @Test
    void aSharedSummaryShowsThePeriodWithoutLinksIntoThePlatform() {
        long id = deliveredDemoCampaign();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpResponse<String> made = this.manager.post("/shares/summaries", "from=" + today.minusDays(6) + "&to=" + today
                + "&days=30&label=for+ACME+board&_csrf=" + this.manager.csrfToken("/reports"));
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(made.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/shares"));
        JsonNode share = get("/api/v1/shares").get(0);
        assertThat(share.get("kind").asString()).isEqualTo("SUMMARY");
        assertThat(share.get("title").asString())
            .isEqualTo("Summary " + today.minusDays(6) + " to " + today + " (UTC)");

        HttpResponse<String> page = new HttpFixture(this.port).get(pathOf(share));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Summary report", this.campaigns.get(id).name(), "id=\"summary-total\"")
            .doesNotContain("href=\"/dashboards", "href=\"/reports", "Sign out", "ACME", "href=\"null", "href=\"\"");
        assertNoRecipientNumber(id, page.body());
    }

    @Test
    void aMarketerCannotShare() {
        long id = deliveredDemoCampaign();
        HttpFixture marketer = signedIn("demo-marketer");
        String csrf = marketer.csrfToken("/contacts/new");

        assertThat(
                marketer.postJson("/api/v1/shares", "{\"campaignId\":" + id + "}", "X-CSRF-TOKEN", csrf).statusCode())
            .isEqualTo(403);
        assertThat(marketer.post("/shares/campaigns/" + id, "days=7&_csrf=" + csrf).statusCode()).isEqualTo(403);
        assertThat(marketer.get("/shares").statusCode()).isEqualTo(403);
        assertThat(marketer.get("/api/v1/shares").statusCode()).isEqualTo(403);
        assertThat(marketer.get("/dashboards/campaigns/" + id).body()).doesNotContain("id=\"share-form\"");
        assertThat(this.manager.get("/dashboards/campaigns/" + id).body()).contains("id=\"share-form\"");
    }

    @Test
    void theApiMakesListsAndRevokesLinks() {
        long id = deliveredDemoCampaign();
        String csrf = this.manager.csrfToken("/reports");

        HttpResponse<String> tooLong = this.manager.postJson("/api/v1/shares",
                "{\"campaignId\":" + id + ",\"days\":365}", "X-CSRF-TOKEN", csrf);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("/problems/validation-failed", "1 to 90 days");

        HttpResponse<String> made = this.manager.postJson("/api/v1/shares",
                "{\"campaignId\":" + id + ",\"days\":30,\"label\":\"for the board\"}", "X-CSRF-TOKEN", csrf);
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode share = JSON.readTree(made.body());
        assertThat(share.get("url").asString()).startsWith("http://127.0.0.1:" + this.port + "/shared/");
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/shares/" + share.get("id").asLong());
        assertThat(get("/api/v1/shares?campaignId=" + id).findValues("id").stream().map(JsonNode::asLong))
            .contains(share.get("id").asLong());

        HttpResponse<String> revoked = this.manager.delete("/api/v1/shares/" + share.get("id").asLong(), "X-CSRF-TOKEN",
                csrf);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(new HttpFixture(this.port).get(pathOf(share)).statusCode()).isEqualTo(410);
        assertThat(this.manager.delete("/api/v1/shares/987654321", "X-CSRF-TOKEN", csrf).statusCode()).isEqualTo(404);
    }

    /**
     * One truth per figure: the shared figures are the dashboard's (polled: it sends).
     */
    private void assertSameFiguresAsSignedIn(HttpFixture stranger, String path, long campaignId) {
        List<String> figures = List.of("/funnel/delivered", "/funnel/humanClickers", "/rates/humanCtr",
                "/money/revenue", "/money/cost", "/money/roi", "/goals", "/variants");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode shared = JSON.readTree(stranger.get(path + "/report").body());
            JsonNode own = get("/api/v1/reports/campaigns/" + campaignId);
            List<String> different = figures.stream()
                .filter((figure) -> !shared.at(figure).equals(own.at(figure)))
                .toList();
            if (different.isEmpty()) {
                assertThat(shared.at("/funnel/delivered").asLong()).isPositive();
                return;
            }
            assertThat(System.nanoTime()).as("shared figures differ: " + different).isLessThan(deadline);
            pause();
        }
    }

    private void assertNoRecipientNumber(long campaignId, String body) {
        List<String> numbers = this.jdbc.sql("select distinct to_number from outbound_message where campaign_id = :id")
            .param("id", campaignId)
            .query(String.class)
            .list();
        assertThat(numbers).as("the campaign has recipients").isNotEmpty();
        for (String number : numbers) {
            String digits = number.replaceAll("\\D", "");
            assertThat(body).as("a recipient's number").doesNotContain(digits).doesNotContain(digits.substring(2));
        }
    }

    private JsonNode shareCampaign(long campaignId, String days, String label) {
        String form = "days=" + days + ((label != null) ? "&label=" + HttpFixture.encode(label) : "") + "&_csrf="
                + this.manager.csrfToken("/dashboards/campaigns/" + campaignId);
        HttpResponse<String> made = this.manager.post("/shares/campaigns/" + campaignId, form);
        assertThat(made.statusCode()).isEqualTo(302);
        JsonNode newest = get("/api/v1/shares?campaignId=" + campaignId).get(0);
        assertThat(newest.get("campaignId").asLong()).isEqualTo(campaignId);
        return newest;
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = this.manager.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String pathOf(JsonNode share) {
        return URI.create(share.get("url").asString()).getPath();
    }

    private HttpFixture signedIn(String username) {
        HttpFixture http = new HttpFixture(this.port);
        assertThat(http.signIn(username, PlatformIT.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        return http;
    }

    private long deliveredDemoCampaign() {
        long id = this.campaigns.list(null, 1000)
            .stream()
            .filter((c) -> c.name().equals("Autumn running sale"))
            .map(CampaignView::id)
            .findFirst()
            .orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (this.reports.refreshedReport(id).funnel().delivered() == 0) {
            assertThat(System.nanoTime()).as("the demo campaign delivers through the simulator").isLessThan(deadline);
            pause();
        }
        return id;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
