package org.smscampaign.web.browser;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.ProviderSimulator;
import org.smscampaign.messaging.SimulatorBehaviour;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.messaging.provider.TwilioSignatures;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages as people use them, in real Chromium: a test message sent and watched until it
 * is delivered, a reply that reads like an opt-out decided in the review queue, and the
 * simulator told to misbehave by an admin.
 */
@PlatformIT
class MessagesBrowserIT extends BrowserSession {

    @Autowired
    SignatureKey key;

    @Autowired
    ProviderSimulator simulator;

    @Autowired
    MessageGateway gateway;

    @AfterEach
    void normalSimulator() {
        this.simulator.behave(SimulatorBehaviour.NORMAL);
    }

    private static String number() {
        return "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void aTestMessageIsSentAndItsPageFollowsItUntilDelivered() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        browser.open("/messages");
        browser.type(By.id("message-to"), "not a number");
        browser.type(By.id("message-body"), "Hello");
        browser.click(By.cssSelector("#send-message button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#message-to + .invalid-feedback")).getText()).isNotBlank();

        String to = number();
        browser.type(By.id("message-to"), to);
        browser.type(By.id("message-body"), "Your table for two is booked for 19:30. Reply STOP to opt out");
        new Select(browser.find(By.id("message-sender"))).selectByValue("default");
        browser.click(By.cssSelector("#send-message button[type=submit]"));

        assertThat(browser.path()).matches("/messages/\\d+");
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains(to);
        browser.waitForText(By.cssSelector("#message-status .badge"), "delivered"::equals);
        assertThat(browser.find(By.id("history")).getText()).contains("accepted")
            .contains("sent")
            .contains("delivered");
        assertThat(browser.find(By.id("message-sid")).getText()).startsWith("SM");

        browser.open("/messages?to=" + HttpFixture.encode(to));
        assertThat(browser.findAll(By.cssSelector("#messages tbody tr"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("#messages tbody tr")).getText()).contains("delivered");
    }

    @Test
    void aReplyThatReadsLikeAnOptOutIsDecidedInTheReviewQueue() {
        String from = number();
        receive(from, "Please stop texting me");
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        browser.open("/messages/replies");
        String row = "#review tr[data-id]";
        assertThat(browser.find(By.id("review")).getText()).contains(from).contains("Please stop texting me");
        browser.click(By.cssSelector("button[aria-label='Opt out " + from + "']"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("opted out");
        assertThat(browser.findAll(By.cssSelector(row)).stream().map((r) -> r.getText()))
            .noneMatch((text) -> text.contains(from));
        browser.open("/messages/opt-outs");
        assertThat(browser.find(By.cssSelector("tr[data-phone='" + from + "']")).getText()).contains("reviewed reply");
    }

    @Test
    void anAdminMakesTheSimulatorThrottleAndMessagesWaitInsteadOfFailing() {
        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        browser.open("/admin/messaging");
        assertThat(browser.find(By.id("provider")).getText()).isEqualTo("SIMULATOR");
        assertThat(browser.find(By.id("senders")).getText()).contains("default").contains("whatsapp");
        new Select(browser.find(By.id("behaviour"))).selectByVisibleText("throttle");
        browser.click(By.cssSelector("#simulator button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("throttle");

        browser.open("/messages");
        browser.type(By.id("message-to"), number());
        browser.type(By.id("message-body"), "Throttled, then sent");
        browser.click(By.cssSelector("#send-message button[type=submit]"));
        browser.waitUntil(Duration.ofSeconds(15), () -> {
            browser.open(browser.path());
            return browser.find(By.id("history")).getText().contains("429");
        });
        // Waiting for its next try, or on it: a throttled message never fails.
        browser.waitForText(By.cssSelector("#message-status .badge"), Set.of("queued", "sending")::contains);

        this.simulator.behave(SimulatorBehaviour.NORMAL);
        browser.waitForText(By.cssSelector("#message-status .badge"), "delivered"::equals);
    }

    @Test
    void aPausedCampaignSaysWhyAndAMarketerResumesIt() {
        long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
        this.gateway.pause(campaign,
                "Paused automatically: 40 of the last 50 messages failed (most often error 30007).", "error storm");
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        browser.open("/messages?campaign=" + campaign);
        assertThat(browser.find(By.id("paused")).getText()).contains("Campaign " + campaign + " is paused")
            .contains("30007")
            .contains("error storm");
        browser.click(By.cssSelector("#paused button[type=submit]"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("sends again");
        assertThat(browser.findAll(By.id("paused"))).isEmpty();
        assertThat(this.gateway.pauseOf(campaign)).isEmpty();
    }

    private void receive(String from, String body) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        String url = "http://127.0.0.1:" + this.port + "/webhooks/twilio/inbound";
        HttpFixture http = new HttpFixture(this.port);
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> encoded.append((encoded.length() > 0) ? "&" : "")
            .append(HttpFixture.encode(name))
            .append('=')
            .append(HttpFixture.encode(value)));
        assertThat(http
            .post("/webhooks/twilio/inbound", encoded.toString(), "X-Twilio-Signature",
                    TwilioSignatures.sign(url, form, this.key.token()))
            .statusCode()).isEqualTo(200);
    }

}
