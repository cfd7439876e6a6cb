package org.smscampaign.web.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.smscampaign.link.Brands;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.dashboard.SentCascade;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager reads what a cascade campaign's channels did on its dashboard, in real
 * Chromium on a desktop and a phone: the savings against SMS only in words with how they
 * are measured, and the tables by step and by channel, scrolling inside their own boxes
 * on a narrow phone.
 */
@PlatformIT
class CascadeResultsBrowserIT extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageGateway gateway;

    @Autowired
    Brands brands;

    @Autowired
    CampaignReports reports;

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void theDashboardShowsWhatTheCascadeSaved(String size) {
        String device = size.startsWith("390") ? "phone" : "desktop";
        SentCascade sent = new SentCascade(this.jdbc, this.gateway, this.brands,
                "Winter cascade " + device + " " + System.nanoTime());
        CampaignReport.Savings savings = this.reports.refreshedReport(sent.campaign()).cascade().savings();
        String[] wh = size.split("x");
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        browser.waitUntil(java.time.Duration.ofSeconds(10), () -> !browser.path().startsWith("/login"));
        browser.consoleErrors(); // the landing page's, not this test's
        browser.open("/dashboards/campaigns/" + sent.campaign());

        String text = browser.find(By.id("cascade-savings")).getText();
        assertThat(text).startsWith("Saved " + savings.saved().toPlainString() + " USD (")
            .contains("against sending everything by SMS (" + savings.smsOnlyCost().toPlainString() + " USD)")
            .contains("for 4 people");
        assertThat(browser.find(By.id("cascade-how")).getText()).startsWith("How it is measured");
        assertThat(browser.findAll(By.cssSelector("#cascade-steps tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.find(By.cssSelector("#cascade-steps tbody tr[data-step='1']")).getText())
            .startsWith("1 WhatsApp");
        assertThat(browser.findAll(By.cssSelector("#cascade-channels tbody tr"))).hasSize(2);
        browser.scrollTo(By.id("cascade"));
        browser.screenshot("cascade-dashboard-" + device);
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.assertNoConsoleErrors();
    }

}
