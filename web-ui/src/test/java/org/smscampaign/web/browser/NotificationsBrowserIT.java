package org.smscampaign.web.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.AlertSettings;
import org.smscampaign.alert.AlertView;
import org.smscampaign.alert.Alerts;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.alert.TestCampaign;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification centre and Admin › Alerts in real Chromium, on a desktop and a phone:
 * the bell counts unread alerts, the centre lists an alert with its figures, "mark all
 * read" clears the count, and an admin saves thresholds and recipients.
 */
@PlatformIT
class NotificationsBrowserIT extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertManagement management;

    @Autowired
    Alerts alerts;

    @Autowired
    CampaignReports reports;

    @AfterEach
    void accountDefaults() {
        this.management.saveSettings(AlertSettings.defaults(), "test");
    }

    @Test
    void theBellCountsUnreadAlertsAndTheCentreShowsTheirFigures() {
        browser.resize(1440, 900);
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        browser.open("/notifications");
        browser.click(By.id("mark-all-read"));
        assertThat(browser.present(By.id("unread-count"))).as("all read: no count").isFalse();
        long seen = this.alerts.latestId();

        TestCampaign campaign = new TestCampaign(this.jdbc, "Spring sale").messages("DELIVERED", 6)
            .messages("UNDELIVERED", 4);
        this.management.saveOverrides(campaign.id(),
                List.of(new RuleOverride(AlertRule.LOW_DELIVERY_RATE, null, null, 5)), "test");
        this.reports.refreshedReport(campaign.id());
        this.management.evaluateNow();
        AlertView alert = this.alerts.ofCampaign(campaign.id())
            .stream()
            .filter((a) -> a.rule().equals("LOW_DELIVERY_RATE"))
            .findFirst()
            .orElseThrow();

        browser.open("/notifications");
        String count = browser.find(By.id("unread-count")).getText();
        assertThat(Long.parseLong(count)).isEqualTo(this.alerts.countAfter(seen)).isPositive();
        assertThat(browser.find(By.id("notification-bell")).getAttribute("aria-label"))
            .isEqualTo("Notifications: " + count + " unread");
        WebElement card = browser.find(By.cssSelector("[data-alert-id='" + alert.id() + "']"));
        assertThat(card.getText()).contains("Open")
            .contains("New")
            .contains("Low delivery rate")
            .contains(campaign.name())
            .contains("Delivery rate 60.0 % is below 90.0 % after 10 sent messages");
        browser.click(card.findElement(By.tagName("summary")));
        assertThat(card.findElement(By.cssSelector("dl")).getText()).contains("Delivery rate (%)")
            .contains("60.0")
            .contains("Threshold")
            .contains("90.0");
        browser.scrollTo(By.cssSelector("[data-alert-id='" + alert.id() + "']"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();
        browser.screenshot("notifications-desktop");

        browser.resize(390, 844);
        browser.open("/notifications");
        assertThat(browser.find(By.id("notification-bell")).getLocation().getY())
            .as("on a phone the bell and the menu button share the top row")
            .isCloseTo(browser.find(By.cssSelector(".navbar-toggler")).getLocation().getY(),
                    org.assertj.core.data.Offset.offset(16));
        browser.click(browser.find(By.cssSelector("[data-alert-id='" + alert.id() + "'] summary")));
        browser.scrollTo(By.cssSelector("[data-alert-id='" + alert.id() + "']"));
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("notifications-phone");

        browser.click(By.id("mark-all-read"));
        assertThat(browser.present(By.id("unread-count"))).as("marked read: the count is gone").isFalse();
        assertThat(browser.find(By.cssSelector("[data-alert-id='" + alert.id() + "']")).getText())
            .doesNotContain("New");

        browser.resize(1440, 900);
        browser.open("/campaigns/" + campaign.id());
        assertThat(browser.find(By.cssSelector("#campaign-alerts [data-alert-id='" + alert.id() + "']")).getText())
            .contains("Low delivery rate");
        browser.scrollTo(By.id("alerts"));
        browser.assertAccessible();
        browser.screenshot("notifications-campaign-page");
    }

    @Test
    void aMarketerGivesOneCampaignItsOwnThresholds() {
        TestCampaign campaign = new TestCampaign(this.jdbc, "Own thresholds").messages("DELIVERED", 3);
        browser.resize(390, 844);
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        browser.open("/campaigns/" + campaign.id());
        browser.click(By.cssSelector("#campaign-alert-settings summary"));
        assertThat(browser.find(By.id("c-threshold-LOW_DELIVERY_RATE")).getAttribute("placeholder"))
            .as("the account default shows until overridden")
            .isEqualTo("90.0");
        browser.type(By.id("c-threshold-LOW_DELIVERY_RATE"), "70");
        browser.type(By.id("c-minimum-LOW_DELIVERY_RATE"), "5");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("c-enabled-HIGH_OPT_OUT_RATE")))
            .selectByValue("off");
        browser.scrollTo(By.id("campaign-alert-settings"));
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("notifications-campaign-settings-phone");
        browser.click(By.id("save-campaign-alert-settings"));

        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Alert settings of this campaign");
        assertThat(this.management.overrides(campaign.id())).containsExactlyInAnyOrder(
                new RuleOverride(AlertRule.LOW_DELIVERY_RATE, null, 70.0, 5),
                new RuleOverride(AlertRule.HIGH_OPT_OUT_RATE, false, null, null));
        assertThat(this.management.effective(campaign.id()))
            .contains(new org.smscampaign.alert.RuleSetting(AlertRule.LOW_DELIVERY_RATE, true, 70.0, 5));
    }

    @Test
    void anAdminSavesThresholdsAndRecipients() {
        browser.resize(1440, 900);
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        browser.open("/admin/alerts");
        assertThat(browser.find(By.id("usual-ctr")).getText()).containsAnyOf("Usual human CTR", "No campaign");
        browser.type(By.id("threshold-LOW_DELIVERY_RATE"), "85");
        browser.type(By.id("minimum-LOW_DELIVERY_RATE"), "150");
        browser.click(By.id("enabled-HIGH_OPT_OUT_RATE"));
        browser.type(By.id("recipients"), "cmo@shop.example, ops@shop.example");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("notifications-admin-alerts-desktop");
        browser.click(By.id("save-alert-settings"));

        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Alert settings saved");
        assertThat(browser.find(By.id("threshold-LOW_DELIVERY_RATE")).getAttribute("value")).isEqualTo("85.0");
        AlertSettings saved = this.management.settings();
        assertThat(saved.rule(AlertRule.LOW_DELIVERY_RATE).threshold()).isEqualTo(85.0);
        assertThat(saved.rule(AlertRule.LOW_DELIVERY_RATE).minimum()).isEqualTo(150);
        assertThat(saved.rule(AlertRule.HIGH_OPT_OUT_RATE).enabled()).isFalse();
        assertThat(saved.recipients()).containsExactly("cmo@shop.example", "ops@shop.example");

        browser.type(By.id("threshold-LOW_DELIVERY_RATE"), "150");
        browser.click(By.id("save-alert-settings"));
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("at most 100");

        browser.resize(390, 844);
        browser.open("/admin/alerts");
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("notifications-admin-alerts-phone");
    }

}
