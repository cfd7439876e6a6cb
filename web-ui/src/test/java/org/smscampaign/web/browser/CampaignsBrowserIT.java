package org.smscampaign.web.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.web.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer's campaign in real Chromium: written with two variants and a tracked link,
 * checked in the preflight, scheduled at a local time, launched, paused, resumed and
 * cancelled.
 */
@PlatformIT
class CampaignsBrowserIT extends BrowserSession {

    @BeforeEach
    void signedInMarketer() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    private static void fill(By field, String text) {
        browser.type(field, text);
    }

    @Test
    void aCampaignIsWrittenCheckedScheduledLaunchedPausedResumedAndCancelled() {
        browser.open("/campaigns");
        browser.click(By.id("new-campaign"));
        fill(By.id("name"), "Browser test: winter boots");
        fill(By.id("bodyA"), "Hi {{first_name|there}}, winter boots are 30% off this week: "
                + "{{link:https://shop.example/boots}}");
        fill(By.id("splitA"), "50");
        fill(By.id("bodyB"), "{{first_name|Hello}}! Cold feet? Our winter boots at 30% off: "
                + "{{link:https://shop.example/boots}}");
        fill(By.id("splitB"), "50");
        browser.click(By.cssSelector("input[aria-label='Send to list VIP customers']"));
        new Select(browser.findAll(By.name("goalMetric")).get(0)).selectByValue("HUMAN_CTR");
        browser.findAll(By.name("goalTarget")).get(0).sendKeys("9");
        browser.click(By.id("save-campaign"));

        assertThat(browser.path()).matches("/campaigns/\\d+");
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("draft");
        int recipients = Integer.parseInt(browser.find(By.id("pf-recipients")).getText());
        assertThat(recipients).as("VIP customers who are subscribed").isPositive();
        assertThat(Integer.parseInt(browser.find(By.id("pf-segments")).getText())).isGreaterThanOrEqualTo(recipients);
        assertThat(browser.find(By.id("pf-cost")).getText()).matches("\\d+\\.\\d{2} USD");
        assertThat(browser.findAll(By.cssSelector("#pf-variants tbody tr"))).hasSize(2);
        assertThat(browser.find(By.id("pf-variants")).getText()).containsPattern("GSM-7|UCS-2").contains("/r/");
        assertThat(browser.find(By.id("goals")).getText()).contains("Human click-through rate (%) ≥ 9");

        browser.click(By.linkText("Edit"));
        browser.click(By.id("schedule-local"));
        String nextWeek = LocalDate.now().plusDays(7).toString();
        browser.setValue(By.id("localDate"), nextWeek);
        browser.setValue(By.id("localTime"), "10:00");
        browser.click(By.id("save-campaign"));
        assertThat(browser.find(By.id("schedule")).getText()).contains(nextWeek)
            .contains("10:00")
            .contains("each recipient's time zone");
        // a week ahead nobody is over the frequency cap, which other tests may have
        // filled today
        int scheduledRecipients = Integer.parseInt(browser.find(By.id("pf-recipients")).getText());
        assertThat(scheduledRecipients).isGreaterThanOrEqualTo(recipients);

        browser.click(By.id("launch"));
        browser.click(By.id("launch-confirmed"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("scheduled");
        browser.waitUntil(Duration.ofSeconds(20), () -> {
            browser.open(browser.path());
            return browser.find(By.id("launch-counts")).getText().contains("first due");
        });
        assertThat(browser.find(By.id("launch-counts")).getText()).contains(scheduledRecipients + " messages");

        browser.click(By.id("pause"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("paused");
        assertThat(browser.find(By.id("pause-reason")).getText()).contains("Paused by demo-marketer");
        browser.click(By.id("resume"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("scheduled");
        browser.click(By.id("cancel"));
        browser.click(By.id("cancel-confirmed"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("cancelled");
        assertThat(browser.find(By.id("message-counts")).getText()).contains("canceled " + scheduledRecipients);
        assertThat(browser.find(By.id("campaign-history")).getText()).contains("draft → scheduled")
            .contains("scheduled → paused")
            .contains("paused → scheduled")
            .contains("scheduled → cancelled");
        assertThat(browser.findAll(By.id("launch"))).isEmpty();
    }

    @Test
    void aBrokenTemplateIsRefusedWithTheReasonAndTheFormKeepsItsInput() {
        browser.open("/campaigns/new");
        fill(By.id("name"), "Broken");
        fill(By.id("bodyA"), "Hi {{first name}}");
        browser.click(By.id("save-campaign"));

        assertThat(browser.find(By.id("form-errors")).getText()).contains("variant A").contains("not a field name");
        WebElement body = browser.find(By.id("bodyA"));
        assertThat(body.getDomProperty("value")).isEqualTo("Hi {{first name}}");
    }

    @Test
    void otherCostsAreSetWithTheDraftAndChangedLater() {
        browser.open("/campaigns/new");
        fill(By.id("name"), "Costs counted " + System.nanoTime());
        fill(By.id("bodyA"),
                "Hi {{first_name|there}}, our autumn sale starts today: {{link:https://shop.example/autumn}}");
        List<WebElement> labels = browser.findAll(By.name("costLabel"));
        List<WebElement> amounts = browser.findAll(By.name("costAmount"));
        labels.get(0).sendKeys("Agency fee");
        amounts.get(0).sendKeys("120");
        labels.get(1).sendKeys("Coupon");
        new Select(browser.findAll(By.name("costKind")).get(1)).selectByValue("PER_CONVERSION");
        amounts.get(1).sendKeys("4.50");
        browser.click(By.id("save-campaign"));

        assertThat(browser.find(By.id("other-costs")).getText())
            .isEqualTo("Agency fee 120.00; Coupon 4.50 per conversion");
        List<WebElement> saved = browser.findAll(By.cssSelector("#costs-form input[name=costAmount]"));
        saved.get(0).clear();
        saved.get(0).sendKeys("150");
        browser.click(By.id("save-costs"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Other costs saved");
        assertThat(browser.find(By.id("other-costs")).getText()).startsWith("Agency fee 150.00");
        browser.resize(390, 844);
        browser.open(browser.path());
        browser.screenshot("campaign-page-phone");
        browser.scrollTo(By.id("costs-form"));
        browser.screenshot("campaign-costs-phone");
    }

    @Test
    void aTestSendGoesToTheGivenNumberAndIsDelivered() {
        // a draft (the newest campaign may be one another test cancelled)
        browser.open("/campaigns?status=DRAFT");
        browser.click(By.cssSelector("#campaigns a"));
        browser.type(By.id("test-number"), "+4917612340000");
        browser.click(By.cssSelector("#test-send button[type=submit]"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("+4917612340000");
        browser.click(By.id("test-message-link"));
        browser.waitForText(By.cssSelector("#message-status .badge"), "delivered"::equals);
        assertThat(browser.find(By.id("message-body")).getText()).contains("Reply STOP to opt out");
    }

}
