package org.smscampaign.web.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.messaging.Conversations;
import org.smscampaign.messaging.SavedAnswer;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agents in the inbox, each in a real Chromium of their own, at desktop and phone
 * sizes: a text arrives while the inbox is open and shows without a reload; one agent
 * takes the conversation and the other sees it at once; the answer goes out from a saved
 * answer with the contact's first name filled in; the conversation is marked done.
 */
@PlatformIT
class InboxBrowserIT extends BrowserSession {

    private static final String PASSWORD = "inbox-browser-passphrase";

    @Autowired
    UserAccounts users;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    SignatureKey signatureKey;

    @Autowired
    Conversations conversations;

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void twoAgentsShareTheInboxLive(String size) {
        String device = size.startsWith("390") ? "phone" : "desktop";
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        String number = "+49178" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "1";
        String key = this.apiKeys.create("inbox-browser-" + System.nanoTime(), Role.MARKETER, "test").token();
        HttpFixture http = new HttpFixture(this.port);
        assertThat(http
            .postJson("/api/v1/contacts", """
                    {"phone": "%s", "firstName": "Ana", "lastName": "Silva", "timeZone": "UTC"}""".formatted(number),
                    "X-API-Key", key)
            .statusCode()).isEqualTo(201);
        SavedAnswer shipping = this.conversations.saveAnswer(null,
                "Shipping (" + device + " " + System.nanoTime() + ")",
                "Hi {{first_name|there}}, shipping is free from 50 EUR.", "test");
        String first = "agent-one-" + System.nanoTime();
        String second = "agent-two-" + System.nanoTime();
        this.users.create(first, Role.AGENT, PASSWORD);
        this.users.create(second, Role.AGENT, PASSWORD);

        browser.signIn(first, PASSWORD);
        browser.resize(width, height);
        browser.open("/inbox");
        assertThat(browser.path()).isEqualTo("/inbox");
        browser.markPage();
        // Wait for the live stream to be open before the text arrives.
        browser.waitUntil(Duration.ofSeconds(10),
                () -> Boolean.TRUE.equals(browser.script("return document.readyState === 'complete'")));
        receive(number, "Do you ship to Portugal?");
        browser.waitUntil(Duration.ofSeconds(20),
                () -> !browser.findAll(By.cssSelector("li[data-phone='" + number + "']")).isEmpty());
        assertThat(browser.pageKept()).as("the text appeared without a reload").isTrue();
        String row = browser.find(By.cssSelector("li[data-phone='" + number + "']")).getText();
        assertThat(row).contains("Ana Silva").contains("Do you ship to Portugal?").contains("needs an answer");
        // The counter sits in the navigation (behind the menu button on a phone).
        assertThat(browser.findAll(By.id("inbox-count")).get(0).getAttribute("textContent").strip())
            .matches("[1-9]\\d*");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("inbox-list-" + device);

        try (Browser other = Browser.start(this.port)) {
            other.signIn(second, PASSWORD);
            other.resize(width, height);
            other.open("/inbox/c/" + number);
            assertThat(other.find(By.id("state-assignee")).getText()).isEqualTo("unassigned");
            other.markPage();

            browser.click(By.cssSelector("li[data-phone='" + number + "'] a.conversation-link"));
            browser.click(By.id("assign-me"));
            assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).contains("Assigned to " + first);
            other.waitForText(By.id("state-assignee"), ("assigned to " + first)::equals);
            assertThat(other.pageKept()).as("the other agent saw it without a reload").isTrue();
            other.assertNoConsoleErrors();
        }

        new Select(browser.find(By.id("saved-answer"))).selectByVisibleText(shipping.title());
        assertThat(browser.find(By.id("answer-text")).getAttribute("value")).contains("{{first_name|there}}");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("inbox-conversation-" + device);
        browser.click(By.id("send-answer"));
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).contains("Answer sent on SMS");
        browser.waitForText(By.id("messages"), (text) -> text.contains("Hi Ana, shipping is free from 50 EUR."));
        assertThat(browser.find(By.id("messages")).getText()).contains(first + " answered");
        assertThat(browser.findAll(By.id("state-needs"))).as("answered: no longer waiting").isEmpty();

        browser.click(By.id("mark-done"));
        assertThat(browser.path()).isEqualTo("/inbox");
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).contains("Done");
        assertThat(browser.findAll(By.cssSelector("li[data-phone='" + number + "']"))).isEmpty();
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerWritesSavedAnswersAndCorrectsAKind(String size) {
        String device = size.startsWith("390") ? "phone" : "desktop";
        String[] wh = size.split("x");
        String number = "+49178" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "1";
        receive(number, "Thanks, how nice");
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        browser.open("/inbox/saved-answers");
        String title = "Opening hours " + System.nanoTime();
        browser.type(By.id("answer-title"), title);
        browser.type(By.id("answer-body"), "Hi {{first_name|there}}, we are open 9 to 6.");
        browser.click(By.cssSelector("#new-saved-answer button[type=submit]"));
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).contains(title);
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("inbox-saved-answers-" + device);

        browser.open("/inbox/c/" + number);
        String text = browser.find(By.cssSelector("#messages li[data-direction='in']")).getText();
        assertThat(text).contains("other").contains("because: no keyword, question or request");
        browser.click(By.cssSelector("#messages li[data-direction='in'] details summary"));
        new Select(browser.find(By.cssSelector("#messages li[data-direction='in'] select[name=kind]")))
            .selectByVisibleText("query");
        browser.type(By.cssSelector("#messages li[data-direction='in'] input[name=note]"), "asks for opening hours");
        browser.click(By.cssSelector("#messages li[data-direction='in'] .correction-form button"));
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText())
            .contains("Changed from other to query");
        String corrected = browser.find(By.cssSelector("#messages li[data-direction='in']")).getText();
        assertThat(corrected).contains("query").contains("corrected by demo-marketer");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("inbox-correction-" + device);
        browser.assertNoConsoleErrors();
    }

    private void receive(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()) + ThreadLocalRandom.current().nextInt(1000));
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        assertThat(new HttpFixture(this.port)
            .postSignedByTwilio("/webhooks/twilio/inbound", null, form, this.signatureKey.token())
            .statusCode()).isEqualTo(200);
    }

}
