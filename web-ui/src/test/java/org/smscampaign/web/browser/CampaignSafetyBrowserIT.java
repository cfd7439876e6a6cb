package org.smscampaign.web.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.web.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a marketer from sending by mistake, in real Chromium on a desktop and a
 * phone: nothing is sent to an audience nobody chose, launch and cancel ask first naming
 * what they do, schedules survive edits, and a refused form keeps what was typed.
 */
@PlatformIT
class CampaignSafetyBrowserIT extends BrowserSession {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @BeforeEach
    void signedInMarketer() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static boolean phone(String size) {
        return size.startsWith("390");
    }

    private static void fitsWindowWidth() {
        assertThat(browser.fitsWindowWidth()).as("no page wider than the window").isTrue();
    }

    /**
     * Waits until the dialog has faded in, as people see it (and a screenshot should).
     */
    private static void dialogShown(String id) {
        browser.find(By.id(id));
        browser.waitUntil(PATIENCE, () -> Boolean.TRUE.equals(browser.script("""
                const backdrop = document.querySelector('.modal-backdrop');
                return getComputedStyle(document.getElementById(arguments[0])).opacity === '1'
                    && !!backdrop && getComputedStyle(backdrop).opacity === '0.5'""", id)));
    }

    private static String value(By field) {
        return browser.find(field).getDomProperty("value");
    }

    private static void newDraft(String name) {
        browser.open("/campaigns/new");
        browser.type(By.id("name"), name);
        browser.type(By.id("bodyA"), "Hi {{first_name|there}}, winter boots are 30% off this week: "
                + "{{link:https://shop.example/boots}}");
    }

    /**
     * A draft for VIP customers at a local time some days ahead (nothing goes out today;
     * other tests' campaigns a week ahead are not capped by these).
     */
    private static String scheduledDraftForVips(String name, int daysAhead) {
        newDraft(name);
        browser.click(By.cssSelector("input[aria-label='Send to list VIP customers']"));
        browser.click(By.id("schedule-local"));
        browser.setValue(By.id("localDate"), LocalDate.now().plusDays(daysAhead).toString());
        browser.click(By.id("save-campaign"));
        assertThat(browser.path()).matches("/campaigns/\\d+");
        return browser.path();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aNewFormStartsEmptyAndADraftWithoutAudienceGoesToNobody(String size) {
        size(size);
        browser.open("/campaigns/new");
        assertThat(value(By.id("bodyA"))).as("no prefilled text").isEmpty();
        assertThat(browser.find(By.id("bodyA")).getDomAttribute("placeholder")).contains("{{first_name|there}}");
        assertThat(value(By.id("localTime"))).as("the 10:00 default, in the form a time input takes")
            .isEqualTo("10:00");
        assertThat(browser.find(By.id("everyoneSubscribed")).isSelected()).isFalse();
        fitsWindowWidth();

        newDraft("Nobody chosen " + System.nanoTime());
        browser.click(By.id("save-campaign"));

        assertThat(browser.find(By.id("no-audience")).getText())
            .contains("No audience chosen yet — pick segments or lists, or choose everyone subscribed");
        assertThat(browser.present(By.id("pf-recipients"))).as("no recipient count").isFalse();
        assertThat(browser.present(By.id("pf-cost"))).as("no cost").isFalse();
        assertThat(browser.present(By.id("launch"))).as("no Launch button").isFalse();
        assertThat(browser.find(By.id("audience")).getText()).contains("none chosen yet");
        browser.screenshot("no-audience-" + (phone(size) ? "phone" : "desktop"));
        fitsWindowWidth();

        browser.click(By.id("choose-audience"));
        browser.click(By.id("everyoneSubscribed"));
        browser.click(By.id("save-campaign"));
        assertThat(Integer.parseInt(browser.find(By.id("pf-recipients")).getText().replace(",", "")))
            .as("everyone subscribed, chosen")
            .isPositive();
        assertThat(browser.find(By.id("audience")).getText()).contains("everyone subscribed");
        assertThat(browser.present(By.id("launch"))).isTrue();
        fitsWindowWidth();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void launchAndCancelAskFirstNamingPeopleCostAndTheLastOneOut(String size) {
        size(size);
        String page = scheduledDraftForVips("Winter boots for VIPs " + (System.nanoTime() % 1000), 12);
        String recipients = browser.find(By.id("pf-recipients")).getText();
        String cost = browser.find(By.id("pf-cost")).getText();

        browser.click(By.id("launch"));
        dialogShown("launch-confirm");
        String question = browser.find(By.id("launch-question")).getText();
        assertThat(question).startsWith("Send to " + recipients + " people in VIP customers for " + cost)
            .containsPattern(", last one out at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\?$");
        browser.screenshot("launch-confirmation-" + (phone(size) ? "phone" : "desktop"));
        fitsWindowWidth();

        browser.click(By.id("launch-dismiss"));
        browser.waitUntil(PATIENCE, () -> !browser.shown(By.id("launch-confirm")));
        browser.open(page);
        assertThat(browser.find(By.id("campaign-status")).getText()).as("dismissed: nothing launched")
            .isEqualTo("draft");

        browser.click(By.id("launch"));
        browser.click(By.id("launch-confirmed"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("scheduled");
        browser.waitUntil(Duration.ofSeconds(30), () -> {
            browser.open(page);
            return browser.find(By.id("launch-counts")).getText().contains("first due");
        });

        browser.click(By.id("cancel"));
        dialogShown("cancel-confirm");
        assertThat(browser.find(By.id("cancel-question")).getText()).startsWith("Cancel campaign Winter boots for VIPs")
            .containsPattern("\\? [\\d,]+ messages not yet sent will not go out\\.");
        browser.screenshot("cancel-confirmation-" + (phone(size) ? "phone" : "desktop"));
        browser.click(By.id("cancel-dismiss"));
        browser.waitUntil(PATIENCE, () -> !browser.shown(By.id("cancel-confirm")));
        browser.open(page);
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("scheduled");
        browser.click(By.id("cancel"));
        browser.click(By.id("cancel-confirmed"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("cancelled");
        fitsWindowWidth();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void withoutScriptTheServerAsksOnAPageBeforeLaunching(String size) {
        size(size);
        String page = scheduledDraftForVips("No script " + System.nanoTime(), 13);

        assertThat(browser.postStatus(page + "/launch")).as("the question, not a redirect after launching")
            .isEqualTo(200);
        browser.open(page);
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("draft");

        // the page a browser without script gets: the launch form sent as it is
        browser.open(page);
        browser.find(By.id("launch"));
        browser.script("HTMLFormElement.prototype.submit.call(document.getElementById('launch').form)");
        assertThat(browser.find(By.id("confirm-question")).getText()).startsWith("Send to ");
        fitsWindowWidth();
        browser.click(By.id("confirm-yes"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("scheduled");

        browser.find(By.id("cancel"));
        browser.script("HTMLFormElement.prototype.submit.call(document.getElementById('cancel').form)");
        assertThat(browser.find(By.id("confirm-question")).getText()).startsWith("Cancel campaign No script");
        browser.click(By.id("confirm-yes"));
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("cancelled");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aScheduledDraftKeepsItsDateAndTimeWhenSavedAgain(String size) {
        size(size);
        String nextMonth = LocalDate.now().plusDays(30).toString();
        newDraft("Scheduled " + System.nanoTime());
        browser.click(By.cssSelector("input[aria-label='Send to list VIP customers']"));
        browser.click(By.id("schedule-at"));
        browser.setValue(By.id("sendAt"), nextMonth + "T09:30");
        assertThat(browser.find(By.id("sendAt-local")).getText()).contains("in your time zone");
        browser.click(By.id("save-campaign"));
        assertThat(browser.find(By.id("schedule")).getText()).isEqualTo(nextMonth + " 09:30 UTC");

        browser.click(By.linkText("Edit"));
        assertThat(value(By.id("sendAt"))).as("ISO, as datetime-local takes it").isEqualTo(nextMonth + "T09:30");
        assertThat(value(By.id("localTime"))).isEqualTo("10:00");
        fitsWindowWidth();
        browser.click(By.id("save-campaign"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Campaign saved");
        assertThat(browser.find(By.id("schedule")).getText()).isEqualTo(nextMonth + " 09:30 UTC");

        browser.click(By.linkText("Edit"));
        browser.click(By.id("schedule-local"));
        browser.setValue(By.id("localDate"), nextMonth);
        browser.setValue(By.id("localTime"), "18:45");
        browser.click(By.id("save-campaign"));
        browser.click(By.linkText("Edit"));
        assertThat(value(By.id("localDate"))).isEqualTo(nextMonth);
        assertThat(value(By.id("localTime"))).isEqualTo("18:45");
        assertThat(browser.find(By.id("local-help")).getText()).contains("in their own time zone")
            .contains("unknown get it at this time in UTC");
        browser.click(By.id("save-campaign"));
        assertThat(browser.find(By.id("schedule")).getText())
            .isEqualTo(nextMonth + " at 18:45 in each recipient's time zone");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aRefusedFormKeepsEverythingTypedAndSaysWhyNextToTheField(String size) {
        size(size);
        String nextWeek = LocalDate.now().plusDays(7).toString();
        newDraft("Kept " + System.nanoTime());
        browser.type(By.id("bodyA"), "Hi {{first name}}, boots!");
        browser.type(By.id("splitA"), "60");
        browser.type(By.id("bodyB"), "Boots at 30% off, {{first_name|friend}}");
        browser.type(By.id("splitB"), "40");
        browser.type(By.id("signature"), "Boot Shop");
        browser.click(By.id("optOutLine"));
        browser.click(By.id("abTest"));
        browser.type(By.id("testPercent"), "30");
        browser.click(By.cssSelector("input[aria-label='Send to list VIP customers']"));
        browser.click(By.cssSelector("input[aria-label='Leave out list Newsletter sign-ups']"));
        browser.type(By.id("holdoutPercent"), "5");
        browser.click(By.id("schedule-local"));
        browser.setValue(By.id("localDate"), nextWeek);
        browser.setValue(By.id("localTime"), "09:15");
        new Select(browser.find(By.id("windowPolicy"))).selectByValue("SKIP");
        new Select(browser.findAll(By.name("goalMetric")).get(0)).selectByValue("HUMAN_CTR");
        browser.findAll(By.name("goalTarget")).get(0).sendKeys("7.5");
        new Select(browser.findAll(By.name("goalMetric")).get(1)).selectByValue("REVENUE");
        browser.findAll(By.name("goalTarget")).get(1).sendKeys("500");
        browser.type(By.id("attributionDays"), "3");
        List<WebElement> labels = browser.findAll(By.name("costLabel"));
        labels.get(0).sendKeys("Agency fee");
        browser.findAll(By.name("costAmount")).get(0).sendKeys("120");
        browser.click(By.id("save-campaign"));

        assertThat(browser.find(By.id("bodyA-error")).getText()).contains("not a field name");
        assertThat(browser.find(By.id("form-errors")).getText()).contains("variant A");
        assertThat(value(By.id("name"))).startsWith("Kept ");
        assertThat(value(By.id("bodyA"))).isEqualTo("Hi {{first name}}, boots!");
        assertThat(value(By.id("splitA"))).isEqualTo("60");
        assertThat(value(By.id("bodyB"))).isEqualTo("Boots at 30% off, {{first_name|friend}}");
        assertThat(value(By.id("splitB"))).isEqualTo("40");
        assertThat(value(By.id("signature"))).isEqualTo("Boot Shop");
        assertThat(browser.find(By.id("optOutLine")).isSelected()).isFalse();
        assertThat(browser.find(By.id("abTest")).isSelected()).isTrue();
        assertThat(value(By.id("testPercent"))).isEqualTo("30");
        assertThat(browser.findAll(By.cssSelector("input[name='lists']:checked")))
            .extracting((box) -> box.getDomAttribute("aria-label"))
            .containsExactly("Send to list VIP customers");
        assertThat(browser.findAll(By.cssSelector("input[name='excludedLists']:checked")))
            .extracting((box) -> box.getDomAttribute("aria-label"))
            .containsExactly("Leave out list Newsletter sign-ups");
        assertThat(value(By.id("holdoutPercent"))).isEqualTo("5");
        assertThat(browser.find(By.id("schedule-local")).isSelected()).isTrue();
        assertThat(value(By.id("localDate"))).isEqualTo(nextWeek);
        assertThat(value(By.id("localTime"))).isEqualTo("09:15");
        assertThat(new Select(browser.find(By.id("windowPolicy"))).getFirstSelectedOption().getDomProperty("value"))
            .isEqualTo("SKIP");
        assertThat(browser.findAll(By.name("goalMetric")).get(0).getDomProperty("value")).isEqualTo("HUMAN_CTR");
        assertThat(browser.findAll(By.name("goalTarget")).get(0).getDomProperty("value")).isEqualTo("7.5");
        assertThat(browser.findAll(By.name("goalMetric")).get(1).getDomProperty("value")).isEqualTo("REVENUE");
        assertThat(browser.findAll(By.name("goalTarget")).get(1).getDomProperty("value")).isEqualTo("500");
        assertThat(value(By.id("attributionDays"))).isEqualTo("3");
        assertThat(browser.findAll(By.name("costLabel")).get(0).getDomProperty("value")).isEqualTo("Agency fee");
        assertThat(browser.findAll(By.name("costAmount")).get(0).getDomProperty("value")).isEqualTo("120");
        browser.screenshot("form-kept-" + (phone(size) ? "phone" : "desktop"));
        fitsWindowWidth();
    }

}
