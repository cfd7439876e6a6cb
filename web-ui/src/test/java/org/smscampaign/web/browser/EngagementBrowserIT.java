package org.smscampaign.web.browser;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.link.Brands;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.segment.EngagedCampaign;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audiences from engagement in real Chromium, on a desktop and a phone: a marketer builds
 * "clicked in the Spring sale but did not buy" in the segment builder and watches the
 * live count; and makes the same audience in one click from the campaign's funnel.
 */
@PlatformIT
class EngagementBrowserIT extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    CampaignReports reports;

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    private static WebElement lastRule() {
        List<WebElement> rows = browser.findAll(By.cssSelector(".rule-condition"));
        return rows.get(rows.size() - 1);
    }

    private static void ruleInCampaign(String field, String operator, long campaign) {
        browser.click(By.cssSelector("#rule-builder .add-rule"));
        new Select(lastRule().findElement(By.cssSelector(".rule-field"))).selectByValue(field);
        new Select(lastRule().findElement(By.cssSelector(".rule-operator"))).selectByValue(operator);
        new Select(lastRule().findElement(By.cssSelector(".rule-scope"))).selectByValue("campaign");
        new Select(lastRule().findElement(By.cssSelector(".rule-campaign"))).selectByValue(String.valueOf(campaign));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void theBuilderCountsAnEngagementRuleLive(String size) {
        EngagedCampaign sale = new EngagedCampaign(this.jdbc, this.brands);
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/segments/new");
        browser.type(By.id("segment-name"), "Clicked, did not buy " + sale.firstName);
        ruleInCampaign("CLICKED", "DID", sale.campaign);
        browser.waitForText(By.id("matching-count"), "2"::equals);
        ruleInCampaign("CONVERTED", "DID_NOT", sale.campaign);
        browser.waitForText(By.id("matching-count"), "1"::equals);
        assertThat(browser.find(By.id("reachable-count")).getText()).isEqualTo("1");
        // "In the last N days" instead: everyone who clicked a day ago, minus buyers.
        WebElement first = browser.findAll(By.cssSelector(".rule-condition")).get(0);
        new Select(first.findElement(By.cssSelector(".rule-scope"))).selectByValue("days");
        WebElement days = browser.findAll(By.cssSelector(".rule-condition"))
            .get(0)
            .findElement(By.cssSelector(".rule-number"));
        assertThat(days.getAttribute("value")).isEqualTo("30");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("engagement-builder-" + device(size));
        new Select(browser.findAll(By.cssSelector(".rule-condition")).get(0).findElement(By.cssSelector(".rule-scope")))
            .selectByValue("campaign");
        browser.waitForText(By.id("matching-count"), "1"::equals);
        browser.click(By.id("save-segment"));
        assertThat(browser.path()).matches("/segments/\\d+");
        browser.waitForText(By.id("matching-count"), "1"::equals);
        assertThat(
                new Select(lastRule().findElement(By.cssSelector(".rule-campaign"))).getFirstSelectedOption().getText())
            .isEqualTo(sale.name);
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void oneClickOnTheFunnelMakesTheSegment(String size) {
        EngagedCampaign sale = new EngagedCampaign(this.jdbc, this.brands);
        this.reports.refreshedReport(sale.campaign); // the funnel's figures, as the
                                                     // rollups make them
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/dashboards/campaigns/" + sale.campaign);
        assertThat(browser.find(By.id("f-delivered")).getText()).isEqualTo("5");
        browser.scrollTo(By.id("funnel"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("engagement-retarget-funnel-" + device(size));
        browser.click(By.id("retarget-clicked-not-converted"));
        assertThat(browser.path()).matches("/segments/\\d+");
        assertThat(browser.find(By.id("segment-name")).getAttribute("value"))
            .isEqualTo("Clicked but did not buy — " + sale.name);
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("made from the campaign");
        browser.waitForText(By.id("matching-count"), "1"::equals);
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("engagement-retarget-segment-" + device(size));
        browser.assertNoConsoleErrors();
    }

}
