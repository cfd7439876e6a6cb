package org.smscampaign.web.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.webhook.LocalReceiver;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin › Webhooks as an admin uses it in real Chromium, at 1440×900 and 390×844: add an
 * endpoint for chosen events, copy and rotate its secret, send a test that fails and see
 * why, retry it by hand once the receiver is back, disable it, see a refused address
 * explained, delete it. Screenshots: target/screenshots/webhooks-*.
 */
@PlatformIT
@TestPropertySource(properties = { "sms.webhook.first-retry=300ms", "sms.webhook.max-attempts=2",
        "sms.webhook.poll-interval=100ms", "sms.webhook.jitter=0" })
class WebhooksBrowserIT extends BrowserSession {

    LocalReceiver receiver;

    @BeforeEach
    void signedInAdminAndAReceiver() throws Exception {
        this.receiver = new LocalReceiver();
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
    }

    @AfterEach
    void stopReceiver() {
        this.receiver.close();
    }

    @Test
    void anAdminSetsUpAnEndpointTestsItAndFollowsItsDeliveries() {
        browser.resize(1440, 900);
        browser.open("/admin/webhooks");
        assertThat(browser.heading()).isEqualTo("Admin");
        assertThat(browser.shown(By.id("new-types"))).as("types hidden while all events are chosen").isFalse();
        browser.type(By.id("new-url"), this.receiver.url("/crm"));
        browser.type(By.id("new-description"), "CRM: campaign results for account managers");
        browser.click(By.id("new-scope-chosen"));
        assertThat(browser.shown(By.id("new-types"))).isTrue();
        // Events no other test makes while this one runs (the application is shared): the
        // log then holds this test's deliveries only.
        browser.click(By.cssSelector("#new-types input[value='campaign.cancelled']"));
        browser.click(By.cssSelector("#new-types input[value='goal.judged']"));
        browser.screenshot("webhooks-add-desktop");
        browser.click(By.id("add-endpoint"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Endpoint added");
        assertThat(browser.find(By.id("endpoint-url")).getText()).isEqualTo(this.receiver.url("/crm"));
        String secret = browser.find(By.id("created-token")).getText();
        assertThat(secret).startsWith("whsec_");
        browser.click(By.id("copy-token"));
        browser.waitUntil(Duration.ofSeconds(5),
                () -> !browser.find(By.id("copy-status")).getAttribute("textContent").isBlank());

        // The receiver is down for both attempts: the test says why, then the delivery
        // fails.
        this.receiver.script("/crm", 500, 500);
        browser.click(By.id("send-test"));
        assertThat(browser.find(By.id("test-outcome")).getText()).startsWith("Test event not delivered: HTTP 500")
            .contains("Next attempt at");
        browser.waitUntil(Duration.ofSeconds(20), () -> {
            // Without the fragment: the same address with one would not load the page
            // again.
            browser.open(browser.path().replaceFirst("#.*$", ""));
            return browser.present(By.cssSelector("[data-status=FAILED] .retry-now"));
        });
        browser.click(By.cssSelector("[data-status=FAILED] details summary"));
        assertThat(browser.find(By.cssSelector("[data-status=FAILED] .webhook-attempts")).getText())
            .contains("HTTP 500: receiver is down");
        browser.screenshot("webhooks-failed-desktop");

        // Back up: retry now delivers it.
        browser.click(By.cssSelector("[data-status=FAILED] .retry-now"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("queued again");
        browser.waitUntil(Duration.ofSeconds(20), () -> {
            // Without the fragment: the same address with one would not load the page
            // again.
            browser.open(browser.path().replaceFirst("#.*$", ""));
            return browser.present(By.cssSelector("[data-status=DELIVERED]"))
                    && !browser.present(By.cssSelector("[data-status=FAILED]"));
        });
        browser.click(By.id("send-test"));
        assertThat(browser.find(By.id("test-outcome")).getText())
            .startsWith("Test event delivered: the endpoint answered 200 in");
        assertThat(browser.findAll(By.cssSelector("#delivery-log > li"))).hasSize(2);
        browser.click(By.cssSelector("#delivery-log > li:nth-child(2) details summary"));
        browser.assertAccessible();
        browser.assertNoConsoleErrors();
        browser.screenshot("webhooks-endpoint-desktop");

        browser.resize(390, 844);
        browser.open(browser.path());
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("webhooks-endpoint-phone");
        browser.click(By.cssSelector("#delivery-log > li:nth-child(2) details summary"));
        browser.scrollTo(By.id("delivery-log"));
        browser.assertNoHorizontalScroll();
        browser.screenshot("webhooks-log-phone");

        // Rotate, disable.
        browser.resize(1440, 900);
        browser.script("window.confirm = () => true;");
        browser.click(By.id("rotate-secret"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("New signing secret");
        assertThat(browser.find(By.id("created-token")).getText()).startsWith("whsec_").isNotEqualTo(secret);
        browser.click(By.id("toggle-enabled"));
        assertThat(browser.find(By.id("endpoint-state")).getText()).isEqualTo("Disabled");
        assertThat(browser.find(By.id("toggle-enabled")).getText()).isEqualTo("Enable");

        browser.open("/admin/webhooks");
        assertThat(browser.find(By.id("endpoints")).getText()).contains(this.receiver.url("/crm"))
            .contains("campaign.cancelled")
            .contains("Disabled");
        browser.assertAccessible();
        browser.screenshot("webhooks-list-desktop");
        browser.resize(390, 844);
        browser.open("/admin/webhooks");
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("webhooks-list-phone");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aRefusedAddressIsExplainedAtTheFieldAndDeletingAsksFirst() {
        browser.resize(390, 844);
        browser.open("/admin/webhooks");
        browser.type(By.id("new-url"), "http://hooks.example.com/events");
        browser.click(By.id("add-endpoint"));
        assertThat(browser.find(By.id("new-url-error")).getText()).contains("Use an https:// address");
        assertThat(browser.find(By.id("new-url")).getAttribute("value")).isEqualTo("http://hooks.example.com/events");
        browser.scrollTo(By.id("new-url"));
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("webhooks-refused-phone");

        browser.resize(1440, 900);
        browser.type(By.id("new-url"), this.receiver.url("/gone"));
        browser.click(By.id("add-endpoint"));
        browser.find(By.id("endpoint-url"));
        String endpoint = browser.path();
        browser.script("window.confirm = () => false;");
        browser.click(By.id("delete-endpoint"));
        assertThat(browser.path()).as("kept when the admin says no").isEqualTo(endpoint);
        browser.script("window.confirm = () => true;");
        browser.click(By.id("delete-endpoint"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("deleted");
        assertThat(browser.path()).isEqualTo("/admin/webhooks");
        browser.assertNoConsoleErrors();
    }

}
