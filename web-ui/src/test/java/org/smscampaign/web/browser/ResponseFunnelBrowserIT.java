package org.smscampaign.web.browser;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.smscampaign.link.Brands;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.report.RespondedCampaign;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response funnel on a campaign's dashboard, in real Chromium on a desktop and a
 * phone: beside the click funnel (below it on a phone), the sentence that shows many
 * responses and few sales, the median time to a first answer with the people still
 * waiting and the way to the inbox, and one-click segments for a marketer (not for a
 * manager, who cannot make segments).
 */
@PlatformIT
class ResponseFunnelBrowserIT extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    CampaignReports reports;

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerSeesResponsesBesideClicksAndMakesSegmentsFromThem(String size) {
        long id = new RespondedCampaign(this.jdbc, this.brands).campaign();
        this.reports.refreshedReport(id);
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/dashboards/campaigns/" + id);

        WebElement clicks = browser.find(By.id("funnel"));
        WebElement responses = browser.find(By.id("response-funnel"));
        if (device(size).equals("desktop")) {
            assertThat(responses.getRect().getY()).as("beside the click funnel").isEqualTo(clicks.getRect().getY());
            assertThat(responses.getRect().getX())
                .isGreaterThan(clicks.getRect().getX() + clicks.getRect().getWidth() / 2);
        }
        else {
            assertThat(responses.getRect().getY()).as("stacked below the click funnel on a phone")
                .isGreaterThanOrEqualTo(clicks.getRect().getY() + clicks.getRect().getHeight());
        }
        assertThat(browser.find(By.id("rf-delivered")).getText()).isEqualTo("20");
        assertThat(browser.find(By.id("rf-responded")).getText()).isEqualTo("8");
        assertThat(browser.find(By.id("rf-queries")).getText()).isEqualTo("3");
        assertThat(browser.find(By.id("rf-answered")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("rf-converted")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("response-summary")).getText())
            .isEqualTo("8 people responded; 1 of them bought (13 %) — responders convert less than clickers "
                    + "(50 % of the people who clicked): look at how responses are answered.");
        assertThat(browser.find(By.id("response-rates")).getText()).contains("response rate 40.0 %",
                "query rate 15.0 %", "answer rate 66.7 %", "responders who bought 12.5 %",
                "clickers who bought 50.0 %");
        assertThat(browser.find(By.id("median-first-answer")).getText()).isEqualTo("30 min");
        assertThat(browser.find(By.id("response-answers")).getText()).contains("1 still waiting for an answer");
        assertThat(browser.find(By.id("open-inbox")).getAttribute("href")).endsWith("/inbox?campaign=" + id);

        List<WebElement> forms = browser.findAll(By.cssSelector("#response-segments form"));
        assertThat(forms).extracting((f) -> f.getAttribute("action"))
            .allSatisfy((action) -> assertThat(action).endsWith("/campaigns/" + id + "/retarget"));
        assertThat(forms).extracting((f) -> f.getAttribute("method")).containsOnly("post");
        assertThat(forms).extracting((f) -> f.findElement(By.name("audience")).getAttribute("value"))
            .containsExactly("RESPONDED", "RESPONDED_NOT_CONVERTED", "QUERIED");
        assertThat(forms)
            .allSatisfy((f) -> assertThat(f.findElement(By.name("_csrf")).getAttribute("value")).isNotBlank());
        assertThat(forms).extracting(WebElement::getText)
            .containsExactly("people who responded", "responders who did not buy from it",
                    "people who asked a question");

        browser.scrollTo(By.id("funnel"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("response-funnel-" + device(size));
        browser.scrollTo(By.id("response-funnel"));
        browser.screenshot("response-funnel-segments-" + device(size));
        browser.assertNoConsoleErrors();

        browser.open("/campaigns/new");
        // Waits for the new page's form before reading its options.
        browser.find(By.cssSelector("#content form .goal-row select[name=goalMetric]"));
        assertThat(browser.findAll(By.cssSelector("#content form .goal-row select[name=goalMetric] option"))
            .stream()
            .map((o) -> o.getAttribute("value"))
            .toList()).as("goals on responses can be set before launch")
            .contains("RESPONSES", "RESPONSE_RATE", "ANSWER_RATE", "QUERIES", "REPLIES");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aManagerReadsTheResponseFunnelWithoutSegmentButtons(String size) {
        long id = new RespondedCampaign(this.jdbc, this.brands).campaign();
        this.reports.refreshedReport(id);
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/dashboards/campaigns/" + id);

        assertThat(browser.find(By.id("response-summary")).getText())
            .startsWith("8 people responded; 1 of them bought");
        assertThat(browser.present(By.id("response-segments"))).as("managers cannot make segments").isFalse();
        assertThat(browser.find(By.cssSelector("#goals [data-goal=RESPONSES] .goal-figure")).getText()).isEqualTo("8");
        assertThat(browser.find(By.cssSelector("#goals [data-goal=QUERIES] .goal-figure")).getText()).isEqualTo("3");

        browser.open("/dashboards");
        WebElement row = browser.find(By.xpath("//tr[.//a[contains(@href, '/dashboards/campaigns/" + id + "')]]"));
        assertThat(row.findElement(By.cssSelector(".response-rate")).getText()).isEqualTo("40.0 %");
        assertThat(row.findElement(By.cssSelector(".query-rate")).getText()).isEqualTo("15.0 %");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();
    }

}
