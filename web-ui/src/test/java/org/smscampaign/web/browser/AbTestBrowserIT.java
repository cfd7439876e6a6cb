package org.smscampaign.web.browser;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the A/B section of the campaign form keeps confidence, minimum sample and the
 * rule without a clear winner; the dashboard's variant table shows each variant's
 * always-valid p, what it still needs, and the decision with its reason.
 */
@PlatformIT
class AbTestBrowserIT extends BrowserSession {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactLists lists;

    @Autowired
    CampaignReports reports;

    @Autowired
    JdbcClient jdbc;

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void theFormKeepsHowSureTheTestMustBeAndWhatHappensWithoutAWinner(String size) {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/campaigns/new");
        assertThat(browser.find(By.id("winnerConfidence")).getDomProperty("value")).isEqualTo("95");
        assertThat(browser.find(By.id("winnerMinimumSample")).getDomProperty("value")).isEqualTo("1000");
        browser.type(By.id("name"), "A/B form " + System.nanoTime());
        browser.type(By.id("bodyA"), "Winter boots 30% off: {{link:https://shop.example/boots}}");
        browser.type(By.id("bodyB"), "Your winter boots are waiting, 30% off: {{link:https://shop.example/boots}}");
        browser.click(By.id("abTest"));
        browser.setValue(By.id("winnerConfidence"), "99");
        browser.setValue(By.id("winnerMinimumSample"), "2500");
        new Select(browser.find(By.id("winnerFallback"))).selectByValue("STOP");
        browser.scrollTo(By.id("ab-settings"));
        browser.screenshot("ab-test-form-" + device(size));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.click(By.id("save-campaign"));
        assertThat(browser.path()).matches("/campaigns/\\d+");

        long id = Long.parseLong(browser.path().replaceAll("\\D", ""));
        assertThat(browser.find(By.id("ab-settings-summary")).getText())
            .endsWith("at 99.0% confidence with at least 2,500 delivered per variant; without a clear winner stop");
        CampaignDraft.Winner winner = this.campaigns.get(id).draft().winner();
        assertThat(winner.confidence()).isEqualByComparingTo("99");
        assertThat(winner.minimumSample()).isEqualTo(2500);
        assertThat(winner.fallback()).isEqualTo(CampaignDraft.WinnerFallback.STOP);
        browser.open("/campaigns/" + id + "/edit");
        assertThat(browser.find(By.id("winnerMinimumSample")).getDomProperty("value")).isEqualTo("2500");
        assertThat(new Select(browser.find(By.id("winnerFallback"))).getFirstSelectedOption().getText())
            .isEqualTo("stop: send nothing more");
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void theDashboardShowsWhatEachVariantNeedsAndWhyTheWinnerWon(String size) {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        size(size);
        long id = launchedTest(600);
        browser.open("/dashboards/campaigns/" + id);
        assertThat(browser.find(By.id("ab-test")).getText()).startsWith("A/B test running.")
            .contains("at least 200 delivered per variant");
        assertThat(browser.find(By.cssSelector("tr[data-variant=B] .ab-decision")).getText())
            .matches("Needs [\\d,]+ more delivered|Not significant yet");
        browser.scrollTo(By.id("variants"));
        browser.screenshot("ab-test-dashboard-running-" + device(size));

        awaitDelivered(id);
        click(id, "A", 5);
        click(id, "B", 100);
        browser.waitUntil(PATIENCE, () -> this.campaigns.get(id).winnerVariant() != null);
        this.reports.refreshedReport(id);
        browser.open("/dashboards/campaigns/" + id);
        assertThat(browser.find(By.cssSelector(".ab-explanation")).getText()).startsWith("B won: CTR ")
            .contains("always-valid p ");
        assertThat(browser.find(By.cssSelector("tr[data-variant=B] .ab-decision")).getText())
            .isEqualTo("Winner (significant)");
        assertThat(browser.find(By.cssSelector("tr[data-variant=B] .ab-p")).getText()).matches("0\\.0\\d\\d|< 0\\.001");
        assertThat(browser.fetchText(browser.find(By.id("variants-csv")).getAttribute("href")))
            .contains(",always_valid_p,ab_needs_delivered,ab_decision")
            .containsPattern("\nB,.*,Winner \\(significant\\)");
        browser.scrollTo(By.id("variants"));
        browser.screenshot("ab-test-dashboard-" + device(size));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();
    }

    /**
     * An A/B test on 90 % of fresh contacts whose local time is mid-day (send window).
     */
    private long launchedTest(int people) {
        int offset = 13 - ZonedDateTime.now(ZoneOffset.UTC).getHour();
        offset = (offset > 14) ? offset - 24 : (offset < -12) ? offset + 24 : offset;
        String zone = (offset == 0) ? "UTC" : "Etc/GMT" + ((offset > 0) ? "-" : "+") + Math.abs(offset);
        long list = this.lists.create("A/B dashboard " + System.nanoTime(), "test fixture").id();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000);
        this.lists.add(list,
                this.jdbc.sql("""
                        insert into contact (phone_number, phone_type, first_name, country, time_zone, consent_status)
                        select '+49157' || (:base + g), 'MOBILE', 'Sam', 'DE', :zone, 'SUBSCRIBED'
                        from generate_series(1, :people) g returning id""")
                    .param("base", base)
                    .param("people", people)
                    .param("zone", zone)
                    .query(Long.class)
                    .list());
        CampaignView campaign = this.campaigns.create(new CampaignDraft("Winter boots A/B " + System.nanoTime() % 1000,
                "default", null, new CampaignDraft.Audience(List.of(), List.of(list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", "Winter boots 30% off: {{link:https://shop.example/boots}}", 50),
                        new CampaignDraft.Variant("B", "Your boots are waiting: {{link:https://shop.example/boots}}",
                                50)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, new CampaignDraft.Winner(90, 24,
                        CampaignDraft.WinnerMetric.HUMAN_CTR, null, 200, CampaignDraft.WinnerFallback.SEND_CONTROL),
                List.of(), 7, 7, List.of()), "demo-marketer");
        this.campaigns.launch(campaign.id(), "demo-marketer");
        browser.waitUntil(PATIENCE, () -> {
            CampaignView launched = this.campaigns.get(campaign.id());
            return launched.launch() != null && launched.launch().finished();
        });
        return campaign.id();
    }

    /**
     * Each variant of the test has its minimum sample delivered (the simulator's pace).
     */
    private void awaitDelivered(long id) {
        browser.waitUntil(Duration.ofSeconds(180),
                () -> this.jdbc
                    .sql("select count(*) = 2 from (select variant from outbound_message where campaign_id = :id "
                            + "and status = 'DELIVERED' group by variant having count(*) >= 200) v")
                    .param("id", id)
                    .query(Boolean.class)
                    .single());
    }

    /** Human clicks on the links of some recipients of a variant. */
    private void click(long campaignId, String variant, int clickers) {
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                select (select coalesce(max(id), 0) from link_click) + row_number() over (), l.id, now(), 'GET',
                    true, true
                from (select id from short_link where campaign_id = :id and variant = :variant order by id
                      limit :clickers) l""")
            .param("id", campaignId)
            .param("variant", variant)
            .param("clickers", clickers)
            .update();
    }

}
