package org.smscampaign.web.browser;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.link.LinkSearch;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.provider.SignatureKey;
import org.smscampaign.messaging.provider.TwilioSignatures;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages that connect, in real Chromium at 1440×900 and 390×844: the campaign page
 * counting while it sends, the campaign list with the dashboard's figures, messages
 * filtered by a campaign's name, links grouped by destination and corrected once for
 * every recipient, and a contact's timeline and search.
 */
@PlatformIT
class ConnectedPagesBrowserIT extends BrowserSession {

    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    CampaignReports reports;

    @Autowired
    ShortLinks links;

    @Autowired
    SignatureKey key;

    @BeforeEach
    void signedInMarketer() {
        browser.resize(1440, 900);
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long figure(String id) {
        return Long.parseLong(browser.find(By.id(id)).getText().replace(",", ""));
    }

    private static void fitsThePhone(String page) {
        browser.resize(390, 844);
        browser.open(page);
        // the layout settles once the page's styles and scripts have run (seen late under
        // load)
        try {
            browser.waitUntil(Duration.ofSeconds(5), () -> browser.overflowWidth() == 0);
        }
        catch (org.openqa.selenium.TimeoutException ex) {
            // reported below with the elements that stick out
        }
        assertThat(browser.overflowWidth())
            .as("sideways scrolling of %s at 390 px: %s", page, browser.overflowingElements())
            .isZero();
    }

    private SendingCampaign launched(String name, int recipients, String city, String target) {
        SendingCampaign campaign = SendingCampaign.draft(this.campaigns, this.contacts, this.lists, name, recipients,
                city, target);
        this.campaigns.launch(campaign.id(), "demo-marketer");
        return campaign;
    }

    private SendingCampaign sent(String name, int recipients, String city, String target) {
        SendingCampaign campaign = launched(name, recipients, city, target);
        browser.waitUntil(Duration.ofSeconds(60),
                () -> this.campaigns.get(campaign.id()).status() == CampaignStatus.COMPLETED);
        this.reports.refreshedReport(campaign.id());
        return campaign;
    }

    @Test
    void theCampaignPageCountsWhileItSendsWithoutAReload() {
        SendingCampaign campaign = launched(unique("Live winter boots"), 150, "Hamburg", "https://shop.example/boots");
        String page = "/campaigns/" + campaign.id();
        browser.open(page);
        browser.markPage();
        assertThat(browser.find(By.id("launch-counts")).getText()).doesNotContain("0 recipients: 0 messages");
        long sentAtFirst = figure("live-sent");

        browser.waitUntil(Duration.ofSeconds(30),
                () -> figure("live-sent") > sentAtFirst && figure("live-delivered") > 0 && figure("live-pending") > 0);
        assertThat(browser.pageKept()).as("the figures changed without a reload").isTrue();
        assertThat(figure("live-recipients")).isEqualTo(150);
        assertThat(browser.find(By.cssSelector("#campaign-status .badge")).getText()).isEqualTo("sending");
        browser.screenshot("campaign-sending-desktop");

        assertThat(browser.find(By.id("to-dashboard")).getAttribute("href"))
            .endsWith("/dashboards/campaigns/" + campaign.id());
        assertThat(browser.find(By.id("to-messages")).getAttribute("href"))
            .endsWith("/messages?campaign=" + campaign.id());
        assertThat(browser.find(By.id("to-links")).getAttribute("href")).endsWith("/links?campaign=" + campaign.id());

        fitsThePhone(page);
        browser.markPage();
        browser.scrollTo(By.id("launch-summary"));
        browser.screenshot("campaign-sending-phone");

        browser.waitUntil(Duration.ofSeconds(60),
                () -> browser.find(By.cssSelector("#campaign-status .badge")).getText().equals("completed"));
        browser.waitUntil(Duration.ofSeconds(10), () -> figure("live-delivered") == 150);
        assertThat(browser.pageKept()).isTrue();
        assertThat(figure("live-sent")).isEqualTo(150);
        assertThat(figure("live-pending")).isZero();
        assertThat(browser.find(By.id("message-counts")).getText()).contains("delivered 150");
    }

    @Test
    void theListShowsEachCampaignsFiguresAndMessagesAreFilteredByItsName() {
        SendingCampaign campaign = sent(unique("Listed spring sale"), 12, "Bremen", "https://shop.example/spring");
        browser.open("/campaigns");
        browser.type(By.id("q"), campaign.name());
        new Select(browser.find(By.id("status"))).selectByValue("COMPLETED");
        browser.click(By.id("filter-campaigns"));

        List<WebElement> rows = browser.findAll(By.cssSelector("#campaigns tbody tr"));
        assertThat(rows).hasSize(1);
        WebElement row = rows.get(0);
        assertThat(row.getText()).contains(campaign.name()).contains("completed").contains("list " + campaign.name());
        assertThat(row.findElement(By.cssSelector(".figure-sent")).getText()).isEqualTo("12");
        assertThat(row.findElement(By.cssSelector(".figure-delivered")).getText()).isEqualTo("12");
        assertThat(row.findElement(By.cssSelector(".figure-ctr")).getText()).isEqualTo("0.0 %");
        assertThat(row.findElement(By.cssSelector(".figure-conversions")).getText()).isEqualTo("0");
        assertThat(row.findElement(By.cssSelector(".goals [data-verdict]")).getText()).isNotBlank();
        assertThat(browser.find(By.id("campaign-count")).getText()).startsWith("Showing 1–1 of 1 campaign");

        browser.open("/campaigns?q=" + HttpFixture.encode("no such campaign " + UUID.randomUUID()));
        assertThat(browser.find(By.id("no-campaigns-match")).getText())
            .startsWith("No campaigns match “no such campaign");
        fitsThePhone("/campaigns");
        browser.screenshot("campaign-list-phone");
        browser.resize(1440, 900);

        browser.open("/messages");
        new Select(browser.find(By.id("campaign"))).selectByVisibleText(campaign.name());
        browser.click(By.cssSelector("#filter button[type=submit]"));
        List<WebElement> messages = browser.findAll(By.cssSelector("#messages tbody tr"));
        assertThat(messages).hasSize(12);
        assertThat(messages).allSatisfy((m) -> assertThat(m.getText()).contains(campaign.name()));
        assertThat(browser.find(By.cssSelector("#messages tbody tr a[href$='/campaigns/" + campaign.id() + "']"))
            .getText()).isEqualTo(campaign.name());
        browser.screenshot("messages-by-campaign-desktop");
        fitsThePhone("/messages?campaign=" + campaign.id());

        SendingCampaign draft = SendingCampaign.draft(this.campaigns, this.contacts, this.lists, unique("Unsent"), 1,
                "Kiel", "https://shop.example/");
        browser.open("/messages?campaign=" + draft.id());
        assertThat(browser.find(By.id("no-messages")).getText()).contains("No messages match these filters");
    }

    @Test
    void linksAreGroupedByDestinationAndAMistypedOneIsCorrectedForEveryRecipient() {
        SendingCampaign campaign = sent(unique("Typo in the link"), 10, "Bonn", "https://shop.example/wintr");
        browser.open("/links?campaign=" + campaign.id());
        assertThat(browser.heading()).isEqualTo("Links of “" + campaign.name() + "”");
        List<WebElement> groups = browser.findAll(By.cssSelector("#link-groups tbody tr"));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).getAttribute("data-destination")).isEqualTo("https://shop.example/wintr");
        assertThat(browser.find(By.id("link-totals")).getText()).startsWith("Showing 1–1 of 1 destination (10 links)");
        ContactDetails first = campaign.contacts().get(0);
        assertThat(browser.find(By.id("links")).getText()).contains(first.firstName() + " " + first.lastName());

        browser.click(By.cssSelector("#link-groups .correct-destination summary"));
        browser.type(By.cssSelector("#link-groups input[name=to]"), "https://shop.example/winter");
        browser.click(By.cssSelector("#link-groups .correct-destination button[type=submit]"));
        assertThat(browser.find(By.id("confirm-destination")).getText()).contains("10 recipient links")
            .contains("https://shop.example/wintr")
            .contains("https://shop.example/winter");
        browser.screenshot("links-confirm-correction-desktop");
        browser.click(By.id("confirm-change"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("all 10 recipient links");
        assertThat(browser.find(By.cssSelector("#link-groups tbody tr")).getAttribute("data-destination"))
            .isEqualTo("https://shop.example/winter");
        assertThat(browser.find(By.id("destination-changes")).getText())
            .contains("https://shop.example/wintr → https://shop.example/winter (10 links)");
        List<ShortLinkView> recipientLinks = this.links.list(new LinkSearch(campaign.id(), false), 100);
        assertThat(recipientLinks).hasSize(10)
            .allSatisfy((l) -> assertThat(l.targetUrl()).startsWith("https://shop.example/winter?")
                .contains("utm_content=A"));
        HttpFixture phone = new HttpFixture(this.port);
        browser.waitUntil(Duration.ofSeconds(5),
                () -> phone.get("/r/" + recipientLinks.get(3).code(), "User-Agent", PHONE)
                    .headers()
                    .firstValue("Location")
                    .orElse("")
                    .startsWith("https://shop.example/winter?"));
        fitsThePhone("/links?campaign=" + campaign.id());

        browser.resize(1440, 900);
        browser.click(By.cssSelector("#links tbody tr a.font-monospace"));
        WebElement contact = browser.find(By.id("link-contact"));
        assertThat(contact.getText()).startsWith("Recipient");
        assertThat(browser.find(By.id("link-campaign")).getText()).isEqualTo(campaign.name());
    }

    @Test
    void manyLinksArePagedWithTheirTotals() {
        long campaign = 3_000_000_000L + System.nanoTime() % 1_000_000_000L;
        this.links.mint(IntStream.rangeClosed(1, 55)
            .mapToObj((contact) -> new RecipientLinkRequest("https://shop.example/item-" + contact, null, campaign,
                    (long) contact, "A", null, "paged", 7))
            .toList());
        browser.open("/links?campaign=" + campaign);
        assertThat(browser.find(By.id("link-totals")).getText())
            .startsWith("Showing 1–50 of 55 destinations (55 links)");
        assertThat(browser.findAll(By.cssSelector("#link-groups tbody tr"))).hasSize(50);
        browser.click(By.id("next-page"));
        assertThat(browser.find(By.id("link-totals")).getText()).startsWith("Showing 51–55 of 55 destinations");
        assertThat(browser.findAll(By.cssSelector("#link-groups tbody tr"))).hasSize(5);
        fitsThePhone("/links");
    }

    @Test
    void aContactsTimelineShowsTheMessageClickAndReplyAndSearchFindsTheCity() {
        // letters only: three digits or more would also search the numbers
        String city = "Wuppertal " + UUID.randomUUID().toString().replaceAll("[^a-f]", "x").substring(0, 8);
        SendingCampaign campaign = sent(unique("Timeline"), 1, city, "https://shop.example/timeline");
        ContactDetails contact = campaign.contacts().get(0);
        String code = this.links.list(new LinkSearch(campaign.id(), false), 1).get(0).code();
        HttpResponse<String> tap = new HttpFixture(this.port).get("/r/" + code, "User-Agent", PHONE);
        assertThat(tap.statusCode()).isEqualTo(302);
        receive(contact.phoneNumber(), "Do you have them in size 44?");

        browser.open("/contacts?q=" + HttpFixture.encode(city.toLowerCase()));
        assertThat(browser.find(By.id("result-count")).getText()).isEqualTo("1 contact");
        browser.click(By.linkText(contact.firstName() + " " + contact.lastName()));
        browser.waitUntil(Duration.ofSeconds(15), () -> {
            browser.open(browser.path());
            return !browser.findAll(By.cssSelector("#timeline [data-kind=click]")).isEmpty();
        });
        List<String> kinds = browser.findAll(By.cssSelector("#timeline li"))
            .stream()
            .map((e) -> e.getAttribute("data-kind"))
            .toList();
        assertThat(kinds).contains("message", "click", "reply", "consent");
        assertThat(kinds.indexOf("reply")).as("newest first").isLessThan(kinds.indexOf("message"));
        assertThat(browser.find(By.cssSelector("#timeline [data-kind=reply]")).getText())
            .contains("Do you have them in size 44?");
        browser.screenshot("contact-timeline-desktop");
        fitsThePhone(browser.path());
        browser.scrollTo(By.id("timeline-section"));
        browser.screenshot("contact-timeline-phone");

        browser.resize(1440, 900);
        browser
            .open("/contacts?q=xyz-nobody-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "x").substring(0, 4));
        assertThat(browser.find(By.id("no-contacts-match")).getText()).startsWith("No contacts match “xyz-nobody-");
        assertThat(browser.findAll(By.id("contacts"))).isEmpty();
        fitsThePhone("/contacts?q=xyz-nobody");
    }

    private void receive(String from, String body) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        String url = "http://127.0.0.1:" + this.port + "/webhooks/twilio/inbound";
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> encoded.append((encoded.length() > 0) ? "&" : "")
            .append(HttpFixture.encode(name))
            .append('=')
            .append(HttpFixture.encode(value)));
        assertThat(new HttpFixture(this.port)
            .post("/webhooks/twilio/inbound", encoded.toString(), "X-Twilio-Signature",
                    TwilioSignatures.sign(url, form, this.key.token()))
            .statusCode()).isEqualTo(200);
    }

}
