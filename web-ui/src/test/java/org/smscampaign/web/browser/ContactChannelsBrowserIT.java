package org.smscampaign.web.browser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.PreferredChannel;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's channels on its page: the preferred channel, both consents with their log,
 * and what was learned about reaching the number, cleared by a marketer.
 */
@PlatformIT
class ContactChannelsBrowserIT extends BrowserSession {

    @Autowired
    ContactManagement contacts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMarketerSetsTheChannelRecordsTheWhatsAppOptInAndClearsWhatWasLearned() {
        String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ContactDetails contact = this.contacts.create(
                new ContactInput(number, "Greta", "Channel", null, "Hamburg", null, "DE", null, null, null, null, null,
                        null),
                ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "Signed up in the Hamburg store", "demo-marketer");
        Instant learned = Instant.now().minus(Duration.ofDays(2));
        this.jdbc.sql("""
                insert into channel_reachability (phone, channel, reason, error_code, learned_at, skip_until)
                values (:phone, 'WHATSAPP', 'NOT_ON_CHANNEL', 63003, :learned, :until)""")
            .param("phone", number)
            .param("learned", Timestamp.from(learned))
            .param("until", Timestamp.from(learned.plus(Duration.ofDays(30))))
            .update();
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        browser.resize(1440, 900);

        browser.open("/contacts/" + contact.id() + "/edit");
        new Select(browser.find(By.id("preferredChannel"))).selectByVisibleText("WhatsApp");
        browser.click(By.cssSelector("form button[type=submit].btn-brand"));
        assertThat(browser.find(By.id("preferred-channel")).getText()).isEqualTo("WhatsApp");
        assertThat(this.contacts.find(contact.id()).orElseThrow().preferredChannel())
            .isEqualTo(PreferredChannel.WHATSAPP);

        browser.click(By.cssSelector("#whatsapp-optin-form button[type=submit]"));
        assertThat(browser.path()).as("the browser asks for the proof first").isEqualTo("/contacts/" + contact.id());
        assertThat(this.contacts.find(contact.id()).orElseThrow().whatsappConsent()).isEqualTo(WhatsAppConsent.NONE);
        browser.type(By.id("whatsapp-proof"), "Ticked the WhatsApp box at checkout, order 4711");
        browser.click(By.cssSelector("#whatsapp-optin-form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("WhatsApp opt-in recorded");
        assertThat(browser.find(By.id("whatsapp-consent")).getText()).startsWith("Opted in since");
        assertThat(browser.find(By.id("consent-log")).getText()).contains("WhatsApp Opted in")
            .contains("order 4711")
            .contains("SMS Subscribed");
        assertThat(browser.find(By.id("reachability-whatsapp")).getText()).contains("Not on WhatsApp since")
            .contains("(error 63003), skipped until")
            .contains("Try WhatsApp again");
        assertThat(browser.find(By.id("reachability-rcs")).getText()).contains("Nothing learned yet");

        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();
        browser.screenshot("contact-channels-desktop");
        browser.scrollTo(By.id("consent-log"));
        browser.screenshot("contact-consent-log-desktop");
        browser.resize(390, 844);
        browser.open("/contacts/" + contact.id());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.scrollTo(By.id("reachability-section"));
        browser.screenshot("contact-channels-phone");

        browser.click(By.cssSelector("#reachability-whatsapp button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText())
            .contains("the next cascade tries WhatsApp for this contact again");
        assertThat(browser.find(By.id("reachability-whatsapp")).getText()).contains("Nothing learned yet");
        assertThat(this.jdbc.sql("select count(*) from channel_reachability where phone = :phone")
            .param("phone", number)
            .query(Long.class)
            .single()).isZero();

        browser.click(By.cssSelector("#whatsapp-optout-form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("WhatsApp opt-in withdrawn");
        ContactDetails after = this.contacts.find(contact.id()).orElseThrow();
        assertThat(after.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
        assertThat(after.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        browser.assertNoHorizontalScroll();
    }

    @Test
    void aManagerSeesWhatWasLearnedButCannotClearIt() {
        String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ContactDetails contact = this.contacts.create(ContactInput.ofPhone(number), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, "store", "demo-marketer");
        this.jdbc.sql("""
                insert into channel_reachability (phone, channel, reason, error_code, learned_at, skip_until)
                values (:phone, 'RCS', 'FAILED', 30008, now(), now() + interval '30 days')""")
            .param("phone", number)
            .update();
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        browser.resize(1440, 900);

        browser.open("/contacts/" + contact.id());

        assertThat(browser.find(By.id("reachability-rcs")).getText()).contains("A message failed on RCS")
            .contains("(error 30008)");
        assertThat(browser.findAll(By.cssSelector("#reachability button"))).isEmpty();
        assertThat(browser.findAll(By.id("whatsapp-section"))).isEmpty();
        assertThat(browser.postStatus("/contacts/" + contact.id() + "/reachability/rcs/reset")).isEqualTo(403);
    }

}
