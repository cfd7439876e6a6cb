package org.smscampaign.web.browser;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply keywords on the campaign form, in real Chromium on a desktop and a phone: rows
 * added and removed, a keyword another campaign on the sender holds refused by the
 * section with the holder's name, and the saved campaign's page listing its keywords with
 * their responses.
 */
@PlatformIT
class ReplyKeywordsBrowserIT extends BrowserSession {

    @Autowired
    CampaignManagement campaigns;

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    private static List<WebElement> rows() {
        return browser.findAll(By.cssSelector("#content form .keyword-row"));
    }

    private static String word(String stem) {
        return stem
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerDeclaresKeywordsAndIsToldWhichCampaignHoldsATakenOne(String size) {
        String taken = word("SHOES");
        String holder = "Spring sale " + taken;
        this.campaigns.create(new CampaignDraft(holder, "default", null, null,
                List.of(new CampaignDraft.Variant("A", "Reply " + taken + " for the catalogue", 100)), null,
                SendWindow.Policy.HOLD, true, null, 0, null, List.of(), 7, 7, List.of(), null,
                List.of(new CampaignDraft.ReplyKeyword(taken, null, null, null)), null), "test");
        String fresh = word("BOOTS");

        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/campaigns/new");
        browser.type(By.id("name"), "Keywords " + device(size) + " " + System.nanoTime());
        browser.type(By.id("bodyA"), "Winter boots 30% off. Reply " + fresh + " for the catalogue");
        browser.click(By.cssSelector("input[aria-label='Send to list VIP customers']"));
        assertThat(rows()).hasSize(1);
        rows().get(0).findElement(By.name("keyword")).sendKeys(taken.toLowerCase(Locale.ROOT));
        browser.click(By.cssSelector("#content form .keyword-add"));
        assertThat(rows()).hasSize(2);
        WebElement added = rows().get(1);
        assertThat(added.findElement(By.name("keyword")).getAttribute("value")).as("a blank row").isEmpty();
        added.findElement(By.name("keyword")).sendKeys(fresh);
        new Select(added.findElement(By.name("keywordVariant"))).selectByValue("A");
        new Select(added.findElement(By.name("keywordList"))).selectByVisibleText("add to VIP customers");
        added.findElement(By.name("keywordAnswer")).sendKeys("Hi {{first_name|there}}, the catalogue: shop.example/c");
        browser.click(By.id("save-campaign"));

        String error = browser.find(By.id("keywords-error")).getText();
        assertThat(error).isEqualTo(taken + " is used by campaign “" + holder
                + "” until 30 days after it finishes sending; choose another word, or another sender.");
        assertThat(rows()).as("what was typed is kept").hasSize(2);
        assertThat(rows().get(1).findElement(By.name("keywordAnswer")).getAttribute("value"))
            .startsWith("Hi {{first_name|there}}");
        browser.scrollTo(By.id("keywords-title"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("reply-keywords-form-" + device(size));

        browser.click(rows().get(0).findElement(By.cssSelector(".keyword-remove")));
        assertThat(rows()).hasSize(1);
        browser.click(By.id("save-campaign"));

        assertThat(browser.path()).matches("/campaigns/\\d+");
        WebElement line = browser.find(By.cssSelector("#reply-keywords [data-keyword=" + fresh + "]"));
        assertThat(line.getText()).contains(fresh, "variant A", "answers automatically", "adds to VIP customers",
                "0 responses");
        browser.scrollTo(By.id("reply-keywords"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("reply-keywords-campaign-" + device(size));
        browser.assertNoConsoleErrors();
    }

}
