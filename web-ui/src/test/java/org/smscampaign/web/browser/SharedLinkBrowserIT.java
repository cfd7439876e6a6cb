package org.smscampaign.web.browser;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.web.DemoCampaign;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager shares a campaign's dashboard and a summary; someone without an account opens
 * the links in a browser of their own (never signed in): the figures, read-only, without
 * navigation. Revoked, the link is gone on the next reload.
 */
@PlatformIT
class SharedLinkBrowserIT extends BrowserSession {

    @Autowired
    CampaignManagement campaigns;

    @Test
    void aManagerSharesADashboardThatAStrangerReadsUntilItIsRevoked() {
        long id = DemoCampaign.id(this.campaigns, "Autumn running sale");
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        browser.open("/dashboards/campaigns/" + id);
        browser.click(By.id("share-toggle"));
        assertThat(browser.shown(By.id("share-form"))).isTrue();
        assertThat(new Select(browser.find(By.id("share-days"))).getFirstSelectedOption().getText())
            .isEqualTo("7 days");
        browser.assertAccessible();
        browser.screenshot("share-form-desktop");
        new Select(browser.find(By.id("share-days"))).selectByVisibleText("30 days");
        browser.type(By.id("share-label"), "for ACME client");
        browser.click(By.id("share-create"));

        assertThat(browser.path()).isEqualTo("/shares");
        assertThat(browser.find(By.id("share-created")).getText()).contains("Autumn running sale");
        String link = browser.find(By.id("created-url")).getText();
        assertThat(link).contains("/shared/");
        assertThat(browser.find(By.cssSelector("#share-table tbody tr")).getText()).contains("Autumn running sale",
                "for ACME client", "demo-manager", "never", "active");
        browser.assertAccessible();
        browser.screenshot("shared-links-desktop");

        try (Browser stranger = Browser.start(this.port)) {
            String path = URI.create(link).getPath();
            for (int[] size : new int[][] { { 1440, 900 }, { 390, 844 } }) {
                stranger.resize(size[0], size[1]);
                stranger.open(path);
                assertThat(stranger.heading()).isEqualTo("Autumn running sale");
                assertThat(stranger.find(By.id("shared-by")).getText()).startsWith("Shared by demo-manager")
                    .contains("link expires");
                assertThat(stranger.present(By.cssSelector("nav.navbar"))).as("no navigation").isFalse();
                assertThat(stranger.present(By.id("sign-out"))).isFalse();
                assertThat(stranger.findAll(By.cssSelector("main a[href]"))).as("nothing to click through to")
                    .isEmpty();
                assertThat(stranger.present(By.id("share-form"))).isFalse();
                stranger.waitUntil(Duration.ofSeconds(10), () -> stranger.canvasDrawn(By.id("chart-series")));
                assertThat(stranger.find(By.id("f-delivered")).getText()).matches("[1-9][0-9,]*");
                stranger.assertAccessible();
                stranger.assertNoHorizontalScroll();
                stranger.assertNoConsoleErrors();
                stranger.screenshot("shared-dashboard-" + ((size[0] > 1000) ? "desktop" : "phone"));
            }

            browser.open("/shares");
            assertThat(browser.find(By.cssSelector("#share-table tbody tr .share-opens")).getText()).isEqualTo("2");
            browser.click(By.cssSelector("#share-table tbody tr .share-revoke"));
            assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).contains("revoked");
            assertThat(browser.find(By.cssSelector("#share-table tbody tr")).getText()).contains("revoked");

            stranger.open(path);
            assertThat(stranger.heading()).isEqualTo("This link is no longer available");
            assertThat(stranger.find(By.tagName("main")).getText()).doesNotContain("Autumn running sale");
            stranger.assertAccessible();
            stranger.assertNoHorizontalScroll();
            stranger.screenshot("shared-gone-phone");
        }
    }

    @Test
    void aManagerSharesASummaryThatAStrangerReadsOnAPhone() {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        browser.open("/reports?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(29) + "&to="
                + LocalDate.now(ZoneOffset.UTC));
        browser.click(By.id("share-toggle"));
        browser.click(By.id("share-create"));
        String link = browser.find(By.id("created-url")).getText();
        assertThat(browser.find(By.cssSelector("#share-table tbody tr")).getText()).contains("Summary", "summary");

        try (Browser stranger = Browser.start(this.port)) {
            for (int[] size : new int[][] { { 1440, 900 }, { 390, 844 } }) {
                stranger.resize(size[0], size[1]);
                stranger.open(URI.create(link).getPath());
                assertThat(stranger.heading()).isEqualTo("Summary report");
                assertThat(stranger.find(By.id("summary-table")).getText()).contains("Autumn running sale");
                assertThat(stranger.findAll(By.cssSelector("main a[href]"))).as("nothing to click through to")
                    .isEmpty();
                stranger.assertAccessible();
                stranger.assertNoHorizontalScroll();
                stranger.assertNoConsoleErrors();
                stranger.screenshot("shared-summary-" + ((size[0] > 1000) ? "desktop" : "phone"));
            }
        }
        browser.resize(390, 844);
        browser.open("/shares");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("shared-links-phone");
    }

}
