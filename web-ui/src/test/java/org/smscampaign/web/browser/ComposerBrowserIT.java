package org.smscampaign.web.browser;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.smscampaign.campaign.AudienceReach;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.link.Brands;
import org.smscampaign.link.ShortCodes;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer in real Chromium, on a desktop and on a phone: the live counter and the
 * characters that force Unicode with their fix, the phone preview of real recipients, the
 * insert buttons, the audience picker with its live reach, and the A/B settings only with
 * A/B on.
 */
@PlatformIT
class ComposerBrowserIT extends BrowserSession {

    /** Texts whose cost the browser and the server must agree on. */
    static final List<String> CORPUS = List.of("", "Hello", "a".repeat(160), "a".repeat(161), "a".repeat(306),
            "a".repeat(307), "€".repeat(80), "€".repeat(81), "{[~]}|^\\ and €", "Line\nbreak\rand\fform feed",
            "It’s here", "“Quoted” – dash — and … more", "Caf\u00e9 \u00e0 la cr\u00e8me", "Ça va? ¿Qué? ¡Sí!",
            "Γειά ΣΑΣ", "Привет", "Emoji 😀 two units", "😀".repeat(35), "😀".repeat(36), "x".repeat(69) + "’",
            "x".repeat(70) + "’", "x".repeat(133) + "’", "x".repeat(134) + "’", "non\u00a0breaking space", "tab\there",
            "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà", "`backtick` and ´acute´", "中文短信");

    private static final Pattern SHORT_LINK = Pattern
        .compile("(https?://\\S+?/[A-Za-z0-9]{" + ShortCodes.LENGTH + "})(\\s|$)");

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactLists lists;

    @Autowired
    Brands brands;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signedInMarketer() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    @Test
    void theBrowserCountsEveryTextAsTheServerDoes() {
        browser.open("/campaigns/new");
        for (String text : CORPUS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> counted = (Map<String, Object>) browser.script("return SmsComposer.count(arguments[0])",
                    text);
            SmsText server = SmsText.of(text);
            assertThat(counted.get("encoding")).as("encoding of %s", text).isEqualTo(server.encoding().name());
            assertThat(((Number) counted.get("units")).intValue()).as("units of %s", text).isEqualTo(server.units());
            assertThat(((Number) counted.get("segments")).intValue()).as("segments of %s", text)
                .isEqualTo(server.segments());
            assertThat(new HashSet<>((List<?>) counted.get("ucs2Characters"))).as("UCS-2 characters of %s", text)
                .isEqualTo(server.ucs2Characters());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "desktop, 1440, 900", "phone, 390, 844" })
    void theComposerCountsPreviewsInsertsAndPicksTheAudience(String device, int width, int height) {
        browser.resize(width, height);
        browser.open("/campaigns/new");

        // A/B settings only when A/B is on, with what a test needs said beside it
        assertThat(browser.findAll(By.id("ab-settings")).get(0).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("ab-needs")).getText()).contains("at least two texts");
        browser.click(By.id("abTest"));
        assertThat(browser.find(By.id("ab-settings")).isDisplayed()).isTrue();
        browser.click(By.id("abTest"));
        browser.waitUntil(java.time.Duration.ofSeconds(5),
                () -> !browser.findAll(By.id("ab-settings")).get(0).isDisplayed());

        // typing updates the counter (the opt-out line counts too: 5 + 1 + 21)
        browser.click(By.id("optOutLine")); // the new form has it on: off to count the
                                            // text alone
        browser.type(By.id("bodyA"), "Hello");
        assertThat(browser.waitForText(By.id("count-A"), (t) -> t.startsWith("5 characters"))).contains("1 segment")
            .contains("GSM-7");
        browser.click(By.id("optOutLine"));
        browser.waitForText(By.id("count-A"), (t) -> t.startsWith("27 characters"));

        // a curly apostrophe is named, and the fix replaces it: the count drops
        String text = "Hi, it’s our winter sale: warm boots and coats at 30% off until Sunday, "
                + "in every shop and online";
        browser.type(By.id("bodyA"), text);
        String why = browser.waitForText(By.cssSelector("#ucs2-A .ucs2-why"), (t) -> !t.isEmpty());
        assertThat(why).isEqualTo("’ (right single quotation mark) forces Unicode: 2 segments instead of 1.");
        assertThat(browser.find(By.id("count-A")).getText()).contains("2 segments").contains("UCS-2");
        browser.click(By.cssSelector("#ucs2-A .fix-plain"));
        assertThat(browser.find(By.id("bodyA")).getDomProperty("value")).isEqualTo(text.replace('’', '\''));
        assertThat(browser.waitForText(By.id("count-A"), (t) -> t.contains("1 segment"))).contains("GSM-7");
        assertThat(browser.findAll(By.id("ucs2-A")).get(0).isDisplayed()).isFalse();

        // insert buttons insert at the cursor
        browser.type(By.id("bodyA"), "Hi , boots at 30% off: ");
        browser.script("arguments[0].setSelectionRange(3, 3)", browser.find(By.id("bodyA")));
        browser.click(By.cssSelector("#insert-fields [data-insert='{{first_name|there}}']"));
        assertThat(browser.find(By.id("bodyA")).getDomProperty("value"))
            .isEqualTo("Hi {{first_name|there}}, boots at 30% off: ");
        browser.script("const a = arguments[0]; a.setSelectionRange(a.value.length, a.value.length)",
                browser.find(By.id("bodyA")));
        browser.type(By.id("link-target"), "https://shop.example/boots");
        browser.click(By.id("insert-link"));
        String body = "Hi {{first_name|there}}, boots at 30% off: {{link:https://shop.example/boots}}";
        assertThat(browser.find(By.id("bodyA")).getDomProperty("value")).isEqualTo(body);

        // the picker filters by search and sends to a list; the reach is counted as the
        // preflight counts
        browser.type(By.id("audience-search"), "vip");
        List<WebElement> shown = browser.findAll(By.cssSelector("#audience-options .audience-option"))
            .stream()
            .filter(WebElement::isDisplayed)
            .toList();
        assertThat(shown).isNotEmpty().allSatisfy((row) -> assertThat(row.getText()).containsIgnoringCase("vip"));
        ContactListView vip = this.lists.all()
            .stream()
            .filter((l) -> l.name().equals("VIP customers"))
            .findFirst()
            .orElseThrow();
        browser.click(By.id("list-in-" + vip.id()));
        AudienceReach reach = this.campaigns
            .reach(new CampaignDraft.Audience(List.of(), List.of(vip.id()), List.of(), List.of()));
        assertThat(reach.reachable()).isPositive();
        browser.waitForText(By.id("audience-reach"), (t) -> t
            .startsWith(String.format(java.util.Locale.US, "%,d people get this campaign", reach.reachable())));
        assertThat(browser.find(By.id("audience-chips")).getText()).contains("Send to: VIP customers");

        // the preview shows a real recipient of the list, with the link at its true
        // length
        String recipient = browser.waitForText(By.id("preview-recipient"), (t) -> t.startsWith("To "));
        String name = recipient.substring("To ".length(), recipient.indexOf(" (")).strip();
        String firstName = name.split(" ")[0];
        assertThat(this.jdbc.sql("select count(*) from contact where first_name = ?")
            .param(firstName)
            .query(Long.class)
            .single()).as("%s is a real contact", firstName).isPositive();
        String preview = browser.waitForText(By.id("preview-text"), (t) -> t.startsWith("Hi " + firstName + ","));
        Matcher link = SHORT_LINK.matcher(preview);
        assertThat(link.find()).as("a short link in %s", preview).isTrue();
        assertThat(link.group(1)).startsWith(this.brands.defaultBrand().baseUrl())
            .hasSize(this.brands.defaultBrand().baseUrl().length() + ShortCodes.LENGTH);
        // the opt-out line closes the text, in the recipient's language ("Répondez
        // STOP…")
        assertThat(preview.lines().reduce((first, last) -> last).orElse("")).contains("STOP");
        String units = browser.find(By.id("preview-meta")).getDomAttribute("data-units");
        browser.waitUntil(java.time.Duration.ofSeconds(5),
                () -> units.equals(browser.find(By.id("count-A")).getDomAttribute("data-units")));

        // stepping to the next recipient changes the name
        browser.click(By.id("preview-next"));
        String nextRecipient = browser.waitForText(By.id("preview-recipient"),
                (t) -> t.startsWith("To ") && !t.equals(recipient));
        assertThat(nextRecipient).contains("(2 of the first");
        browser.click(By.id("preview-prev"));
        browser.waitForText(By.id("preview-recipient"), recipient::equals);

        // leaving out a segment that holds every VIP leaves nobody
        browser.type(By.id("audience-search"), "loyal");
        WebElement loyal = browser.findAll(By.cssSelector("#audience-options .audience-option"))
            .stream()
            .filter(WebElement::isDisplayed)
            .filter((row) -> row.getText().startsWith("Loyal customers"))
            .findFirst()
            .orElseThrow();
        browser.click(loyal.findElements(By.cssSelector("input[type=checkbox]")).get(1));
        browser.waitForText(By.id("audience-reach"), (t) -> t.startsWith("Nobody"));
        assertThat(browser.find(By.id("audience-chips")).getText()).contains("Leave out: Loyal customers");
        browser.script("const s = arguments[0]; s.value = ''; s.dispatchEvent(new Event('input'))",
                browser.find(By.id("audience-search")));

        // the chip's remove button takes the exclusion back
        browser.click(By.cssSelector("#audience-chips .chip-out .btn-close"));
        browser.waitForText(By.id("audience-reach"), (t) -> t
            .startsWith(String.format(java.util.Locale.US, "%,d people get this campaign", reach.reachable())));
        browser.type(By.id("bodyB"), "Last chance, {{first_name|friend}}: boots you’ll love at 30% off today "
                + "{{link:https://shop.example/boots}}");
        browser.waitForText(By.cssSelector("#ucs2-B .ucs2-why"), (t) -> t.contains("forces Unicode"));
        browser.click(By.cssSelector("#preview-variants [data-variant=A]"));
        browser.waitForText(By.id("preview-text"), (t) -> t.startsWith("Hi " + firstName + ","));

        assertThat(browser.fitsWindowWidth()).as("no horizontal scrolling at %d px", width).isTrue();
        browser.scrollTo(By.id("texts-title"));
        browser.screenshot("composer-" + device);
        browser.scrollTo(By.id("composer-preview"));
        browser.screenshot("composer-preview-" + device);
        browser.scrollTo(By.id("audience-title"));
        browser.screenshot("composer-audience-" + device);
    }

}
