package org.smscampaign.web.browser;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.link.Brands;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.judgement.GoalJudge;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.report.MixedOutcomeCampaign;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goals as a marketer sets them and a manager reads them, in real Chromium on a desktop
 * and a phone: goal rows added, chosen and removed on the form, each saying its
 * direction, unit and how it is measured; and the dashboard's goal panel with a frozen
 * verdict, the figure after judgement and the target's change log.
 */
@PlatformIT
class GoalsBrowserIT extends BrowserSession {

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    GoalJudge judge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    ExchangeRates rates;

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    private static List<WebElement> rows() {
        return browser.findAll(By.cssSelector("#content form .goal-row"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerSetsGoalsOfAnyDirectionOnTheForm(String size) {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/campaigns/new");
        browser.type(By.id("name"), "Goals " + device(size) + " " + System.nanoTime());
        browser.type(By.id("bodyA"), "Winter boots 30% off: {{link:https://shop.example/boots}}");
        browser.click(By.cssSelector("input[aria-label='Send to list VIP customers']"));

        assertThat(rows()).hasSize(3);
        WebElement first = rows().get(0);
        new Select(first.findElement(By.name("goalMetric"))).selectByValue("CONVERSIONS");
        assertThat(first.findElement(By.name("goalEvent")).isDisplayed()).isTrue();
        first.findElement(By.name("goalEvent")).sendKeys("lead");
        first.findElement(By.name("goalTarget")).sendKeys("20");
        assertThat(first.findElement(By.cssSelector(".goal-how")).getText()).contains("Conversions attributed");

        browser.click(By.cssSelector("#content form .goal-add"));
        assertThat(rows()).hasSize(4);
        WebElement added = rows().get(3);
        new Select(added.findElement(By.name("goalMetric"))).selectByValue("COST_PER_CLICK");
        assertThat(added.findElement(By.cssSelector(".goal-direction")).getText()).isEqualTo("≤");
        assertThat(added.findElement(By.cssSelector(".goal-unit")).getText()).isEqualTo("USD");
        assertThat(added.findElement(By.name("goalEvent")).isDisplayed()).as("events are for conversion goals only")
            .isFalse();
        added.findElement(By.name("goalTarget")).sendKeys("0.5");
        new Select(rows().get(1).findElement(By.name("goalMetric"))).selectByValue("OPT_OUT_RATE");
        assertThat(rows().get(1).findElement(By.cssSelector(".goal-unit")).getText()).isEqualTo("%");
        rows().get(1).findElement(By.name("goalTarget")).sendKeys("1.5");
        browser.click(rows().get(2).findElement(By.cssSelector(".goal-remove")));
        assertThat(rows()).hasSize(3);

        browser.scrollTo(By.id("goals-title"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("goals-form-" + device(size));
        browser.click(By.id("save-campaign"));

        assertThat(browser.path()).matches("/campaigns/\\d+");
        String goals = browser.find(By.id("goals")).getText();
        assertThat(goals).contains("Conversions (lead) ≥ 20")
            .contains("Opt-out rate (%) ≤ 1.5")
            .contains("Cost per click ≤ 0.5");
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aManagerReadsFrozenGoalsOnTheDashboard(String size) {
        MixedOutcomeCampaign mixed = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        long id = mixed.campaign();
        this.jdbc.sql("delete from campaign_goal where campaign_id = :id").param("id", id).update();
        this.jdbc.sql("insert into campaign_goal (campaign_id, metric, target) values (:id, 'HUMAN_CTR', 75)")
            .param("id", id)
            .update();
        // Targets change while the window is open: launched just now for that moment.
        java.sql.Timestamp launchedAt = this.jdbc.sql("select launched_at from campaign where id = :id")
            .param("id", id)
            .query(java.sql.Timestamp.class)
            .single();
        this.jdbc.sql("update campaign set launched_at = now() where id = :id").param("id", id).update();
        this.campaigns.changeGoals(id,
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("70")),
                        new CampaignDraft.Goal(GoalMetric.CONVERSIONS, new BigDecimal("2"), "sale"),
                        new CampaignDraft.Goal(GoalMetric.COST_PER_CLICK, new BigDecimal("5")),
                        new CampaignDraft.Goal(GoalMetric.UNDELIVERED_RATE, new BigDecimal("10"))),
                "demo-manager");
        this.jdbc.sql("update campaign set launched_at = :at where id = :id")
            .param("at", launchedAt)
            .param("id", id)
            .update();
        this.judge.judgeDue();
        mixed.lateHumanClick();
        this.reports.refreshedReport(id);

        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/dashboards/campaigns/" + id);
        WebElement ctr = browser.find(By.cssSelector("#goals [data-goal=HUMAN_CTR]"));
        assertThat(ctr.findElement(By.cssSelector("[data-verdict]")).getText()).isEqualTo("failed");
        assertThat(ctr.findElement(By.cssSelector(".goal-figure")).getText()).isEqualTo("60.0 %");
        assertThat(ctr.findElement(By.cssSelector(".goal-after")).getText()).isEqualTo("after judgement: 80.0 %");
        assertThat(ctr.getText()).contains("at least 70.0 %", "Original target: 75", "demo-manager: 75 → 70",
                "People (not bots or link previews)");
        WebElement sales = browser.find(By.cssSelector("#goals [data-goal=CONVERSIONS][data-event=sale]"));
        assertThat(sales.findElement(By.cssSelector("[data-verdict]")).getText()).isEqualTo("passed");
        WebElement perClick = browser.find(By.cssSelector("#goals [data-goal=COST_PER_CLICK]"));
        assertThat(perClick.getText()).contains("at most 5.00 USD");
        assertThat(perClick.findElement(By.cssSelector("[data-verdict]")).getText()).isEqualTo("failed");

        browser.scrollTo(By.id("goals"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("goals-dashboard-" + device(size));
        browser.assertNoConsoleErrors();
    }

}
