package org.smscampaign.web.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.messaging.provider.TwilioSignatures;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels and templates as a marketer uses them, in real Chromium at desktop and phone
 * sizes: the account's templates with their approval, and a message sent now from the
 * WhatsApp sender as an approved template (then delivered and read), or refused kindly as
 * free text outside the 24-hour window.
 */
@PlatformIT
class ChannelsBrowserIT extends BrowserSession {

    private static final String ORDER_UPDATE = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    @Autowired
    SignatureKey key;

    /** Posts a signed "read" status callback, as Twilio does for WhatsApp. */
    private void readReceipt(long id, String sid) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("MessageStatus", "read");
        form.put("From", "whatsapp:+14155238886");
        String path = "/webhooks/twilio/status/" + id;
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
            .append(HttpFixture.encode(name))
            .append('=')
            .append(HttpFixture.encode(value)));
        assertThat(new HttpFixture(this.port)
            .post(path, body.toString(), "X-Twilio-Signature",
                    TwilioSignatures.sign("http://127.0.0.1:" + this.port + path, form, this.key.token()))
            .statusCode()).isEqualTo(200);
    }

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    /** A number the simulator finds on WhatsApp (it never ends in 9). */
    private static String number() {
        return "+49176" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "1";
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void theTemplatesPageListsEachTemplateWithItsApproval(String size) {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/messages");
        browser.click(By.linkText("Templates"));

        assertThat(browser.path()).isEqualTo("/messages/templates");
        String order = browser.find(By.cssSelector("#templates tr[data-sid='" + ORDER_UPDATE + "']")).getText();
        assertThat(order).contains("order_update").contains("en").contains("approved").contains("{{1}}");
        assertThat(
                browser.find(By.cssSelector("#templates tr[data-sid='HX0a1b2c3d4e5f60718293a4b5c6d7e8f9']")).getText())
            .contains("loyalty_points")
            .contains("waiting for approval");
        assertThat(
                browser.find(By.cssSelector("#templates tr[data-sid='HX9f8e7d6c5b4a39281706f5e4d3c2b1a0']")).getText())
            .contains("rejected");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();
        browser.screenshot("templates-" + device(size));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aWhatsAppMessageGoesAsAnApprovedTemplateAndIsRead(String size) {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/messages");
        assertThat(browser.shown(By.id("message-template-choice"))).as("SMS sender: no templates").isFalse();

        String to = number();
        browser.type(By.id("message-to"), to);
        new Select(browser.find(By.id("message-sender"))).selectByValue("whatsapp");
        assertThat(browser.shown(By.id("message-template-choice"))).isTrue();
        new Select(browser.find(By.id("message-template"))).selectByValue(ORDER_UPDATE);
        assertThat(browser.shown(By.id("message-body"))).as("a template replaces the free text").isFalse();
        browser.type(By.id("variable-" + ORDER_UPDATE + "-1"), "Anna");
        browser.type(By.id("variable-" + ORDER_UPDATE + "-2"), "https://go.brand.example/Ab3xK9q");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.scrollTo(By.id("message-template-choice"));
        browser.screenshot("send-template-" + device(size));
        browser.click(By.cssSelector("#send-message button[type=submit]"));

        assertThat(browser.path()).matches("/messages/\\d+");
        assertThat(browser.find(By.tagName("main")).getText()).contains("whatsapp")
            .contains("Hi Anna, your order is on its way. Track it here: https://go.brand.example/Ab3xK9q");
        browser.waitForText(By.cssSelector("#message-status .badge"), "delivered"::equals);
        // WhatsApp reports the read (the simulator's readers are off in tests).
        String path = browser.path();
        readReceipt(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)),
                browser.find(By.id("message-sid")).getText());
        browser.open(path);
        assertThat(browser.find(By.id("message-read")).getText()).isNotBlank();
        assertThat(browser.find(By.cssSelector("#message-status .badge")).getText()).isEqualTo("delivered");
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void freeTextOnWhatsAppOutsideTheWindowIsRefusedKindly(String size) {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/messages");
        String to = number();
        browser.type(By.id("message-to"), to);
        browser.type(By.id("message-body"), "Your parcel left today");
        new Select(browser.find(By.id("message-sender"))).selectByValue("whatsapp");
        browser.click(By.cssSelector("#send-message button[type=submit]"));

        assertThat(browser.find(By.cssSelector("#send-message .alert-danger")).getText()).contains(to)
            .contains("has not written to you on WhatsApp in the last 24 hours")
            .contains("Choose a template");
        assertThat(browser.shown(By.id("message-template-choice"))).as("the templates are right there").isTrue();
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.scrollTo(By.id("send-message"));
        browser.screenshot("send-outside-window-" + device(size));
    }

}
