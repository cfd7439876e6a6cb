package org.smscampaign.web.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cascade as a marketer sets it up, in real Chromium on a desktop and a phone: the
 * Channels section of the campaign form (senders with their channel, a WhatsApp template
 * with its variables, an RCS text, moving steps, cheapest first), saved, the preflight's
 * expected savings against SMS only, a test send on WhatsApp, and the campaign duplicated
 * with its cascade intact.
 */
@PlatformIT
class CascadeBrowserIT extends BrowserSession {

    private static final String ORDER_UPDATE = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    /**
     * Its drafts cancelled: other tests test-send "the newest draft" as an SMS campaign.
     */
    @AfterEach
    void cancelDrafts() {
        this.jdbc
            .sql("select id from campaign where status = 'DRAFT' and (name like 'Cascade %' or name like 'Copy of %')")
            .query(Long.class)
            .list()
            .forEach((id) -> this.campaigns.cancel(id, "test"));
    }

    /** Customers in France and Spain who opted in to WhatsApp, on a list of their own. */
    private String audience() {
        String name = "Cascade savings " + System.nanoTime();
        long list = this.lists.create(name, null).id();
        List<Long> ids = new ArrayList<>();
        for (String prefix : List.of("+33612", "+33612", "+34612", "+34612")) {
            String number = prefix + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
            ids.add(this.contacts
                .create(new ContactInput(number, "Lou", null, null, null, null, prefix.startsWith("+33") ? "FR" : "ES",
                        null, null, null, null, null, Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "test",
                        "test")
                .id());
        }
        this.jdbc.sql("update contact set whatsapp_consent = 'OPTED_IN' where id = any(cast(:ids as bigint[]))")
            .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
            .update();
        this.lists.add(list, ids);
        return name;
    }

    private static String senderIn(WebElement step) {
        return new Select(step.findElement(By.name("stepSender"))).getFirstSelectedOption().getAttribute("value");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerSetsUpACascadeSavesItAndDuplicatesItIntact(String size) {
        String audience = audience();
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/campaigns/new");
        browser.type(By.id("name"), "Cascade " + device(size) + " " + System.nanoTime());
        browser.type(By.id("bodyA"),
                "Hi {{first_name|there}}, your order ships today: " + "{{link:https://shop.example/orders}}");
        browser.click(By.cssSelector("input[aria-label='Send to list " + audience + "']"));
        assertThat(browser.shown(By.id("cascade-settings"))).as("SMS only at first").isFalse();

        browser.click(By.id("channels-cascade"));
        assertThat(browser.shown(By.id("cascade-settings"))).isTrue();
        assertThat(new Select(browser.find(By.id("stepSender-0"))).getFirstSelectedOption().getText())
            .isEqualTo("whatsapp — WhatsApp");
        new Select(browser.find(By.id("stepTemplate-0"))).selectByValue(ORDER_UPDATE);
        assertThat(browser.find(By.cssSelector("[data-step='0'] .cascade-template-text")).getText())
            .contains("Hi {{1}}, your order is on its way");
        browser.type(By.id("stepVar-0-1"), "{{first_name|there}}");
        browser.type(By.id("stepVar-0-2"), "{{link:https://shop.example/orders}}");
        new Select(browser.find(By.id("stepDeliveredWhen-0"))).selectByValue("READ");
        browser.setValue(By.id("stepTimeout-0"), "30");
        assertThat(browser.shown(By.id("stepBody-0"))).as("no free text on WhatsApp").isFalse();

        browser.click(By.id("cascade-add"));
        assertThat(new Select(browser.find(By.id("stepSender-2"))).getFirstSelectedOption().getAttribute("value"))
            .as("the channel not used yet")
            .isEqualTo("rcs");
        browser.type(By.id("stepBody-2"),
                "Hi {{first_name|there}}, track your order: {{link:https://shop.example/orders}}");
        browser.click(By.cssSelector("[data-step='2'] .cascade-up"));
        browser.click(By.id("cascadeOrder-cheapest"));
        assertThat(browser.findAll(By.cssSelector("#cascade-steps .cascade-step:not(.cascade-step-unused)")))
            .extracting(CascadeBrowserIT::senderIn)
            .containsExactly("whatsapp", "rcs", "default");

        browser.scrollTo(By.id("channels-title"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("cascade-form-" + device(size));
        browser.click(By.id("save-campaign"));

        assertThat(browser.path()).matches("/campaigns/\\d+");
        String id = browser.path().substring("/campaigns/".length());
        assertThat(browser.find(By.id("channels-summary")).getText())
            .isEqualTo("cascade: WhatsApp (whatsapp) for 30 min until read → RCS (rcs) for 60 min → "
                    + "SMS (default) for 60 min; cheapest first per country");
        assertThat(browser.find(By.id("pf-cascade-order")).getText())
            .isEqualTo("Channels tried cheapest first for each recipient's country: "
                    + "WhatsApp (whatsapp) → RCS (rcs) → SMS (default).");
        assertThat(browser.find(By.id("pf-sms-only")).getText()).endsWith("USD");
        // France and Spain: WhatsApp first (0.035 and 0.025 a message) beats SMS (0.0769,
        // 0.0748).
        assertThat(browser.find(By.id("pf-savings")).getText()).as("savings expected").matches("\\d+\\.\\d{4} USD");
        assertThat(browser.find(By.id("pf-savings-percent")).getText()).matches("\\d+\\.\\d %");
        assertThat(browser.find(By.id("pf-cascade-cost")).getText())
            .isEqualTo(browser.find(By.id("pf-cost")).getText());
        assertThat(browser.findAll(By.cssSelector("#pf-cascade-countries tbody tr"))).isNotEmpty();
        assertThat(browser.find(By.cssSelector("#pf-cascade-countries tr[data-country=FR][data-channel=WHATSAPP]"))
            .getText()).contains("0.0350 USD");
        browser.scrollTo(By.id("pf-cascade"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("cascade-preflight-" + device(size));

        browser.type(By.id("test-number"), "+4917612345670");
        browser.click(By.cssSelector("#test-send button[type=submit]"));
        assertThat(browser.find(By.id("test-channel")).getText()).isEqualTo("Sent on WhatsApp.");

        browser.click(By.id("duplicate"));
        assertThat(browser.path()).as("the copy opens for editing")
            .matches("/campaigns/\\d+/edit")
            .isNotEqualTo("/campaigns/" + id + "/edit");
        assertThat(browser.find(By.id("name")).getAttribute("value")).startsWith("Copy of Cascade ");
        assertThat(browser.find(By.id("channels-cascade")).isSelected()).isTrue();
        assertThat(browser.find(By.id("cascadeOrder-cheapest")).isSelected()).isTrue();
        assertThat(browser.findAll(By.cssSelector("#cascade-steps .cascade-step:not(.cascade-step-unused)")))
            .extracting(CascadeBrowserIT::senderIn)
            .containsExactly("whatsapp", "rcs", "default");
        assertThat(new Select(browser.find(By.id("stepTemplate-0"))).getFirstSelectedOption().getAttribute("value"))
            .isEqualTo(ORDER_UPDATE);
        assertThat(browser.find(By.id("stepVar-0-1")).getAttribute("value")).isEqualTo("{{first_name|there}}");
        assertThat(browser.find(By.id("stepVar-0-2")).getAttribute("value"))
            .isEqualTo("{{link:https://shop.example/orders}}");
        assertThat(
                new Select(browser.find(By.id("stepDeliveredWhen-0"))).getFirstSelectedOption().getAttribute("value"))
            .isEqualTo("READ");
        assertThat(browser.find(By.id("stepTimeout-0")).getAttribute("value")).isEqualTo("30");
        assertThat(browser.find(By.id("stepBody-1")).getAttribute("value"))
            .startsWith("Hi {{first_name|there}}, track");
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aCascadeThatCannotBeSentIsToldNextToTheChannels(String size) {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/campaigns/new");
        browser.type(By.id("name"), "Cascade refused " + System.nanoTime());
        browser.type(By.id("bodyA"), "Hi {{first_name|there}}, your order ships today.");
        browser.click(By.id("channels-cascade"));
        browser.click(By.id("save-campaign"));

        assertThat(browser.find(By.id("cascade-error")).getText())
            .isEqualTo("Step 1: WhatsApp starts a conversation only with an approved template; choose one.");
        assertThat(browser.find(By.id("channels-cascade")).isSelected()).as("what was chosen stays").isTrue();
        assertThat(browser.shown(By.id("cascade-settings"))).isTrue();
        browser.scrollTo(By.id("channels-title"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("cascade-form-error-" + device(size));
    }

}
