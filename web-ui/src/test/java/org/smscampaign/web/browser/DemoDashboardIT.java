package org.smscampaign.web.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
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
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Test
    void withinAMinuteOfLaunchTheDemoDashboardShowsHumanClicksApartFromBots() {
        // The demo's own sending campaign may have gone out in an earlier test context:
        // send
        // it again (without the frequency cap) for this context's simulated audience.
        CampaignDraft demo = this.campaigns.list(null, 100)
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
