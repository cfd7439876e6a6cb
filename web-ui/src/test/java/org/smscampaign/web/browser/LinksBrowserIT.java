package org.smscampaign.web.browser;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.PlainLinkRequest;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short links as a marketer uses them in real Chromium: a plain link with its QR code,
 * and a campaign's links with raw and human hits and the reasons hits were not counted.
 */
@PlatformIT
class LinksBrowserIT extends BrowserSession {

    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    static final String WHATSAPP = "WhatsApp/2.23.20.0 A";

    @Autowired
    ShortLinks links;

    @BeforeEach
    void signedInMarketer() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    @Test
    void aPlainShortLinkGetsAQrCodeAndCountsOnlyPeople() {
        browser.open("/links");
        browser.type(By.id("targetUrl"), "https://shop.example/flyer");
        browser.type(By.id("label"), "Summer flyer QR");
        browser.type(By.id("utmCampaign"), "summer-flyer");
        browser.click(By.cssSelector("#new-link button[type=submit]"));

        assertThat(browser.path()).matches("/links/\\d+");
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("created");
        String shortUrl = browser.find(By.id("short-url")).getText();
        String code = shortUrl.substring(shortUrl.lastIndexOf('/') + 1);
        assertThat(code).matches("[0-9A-Za-z]{7,8}");
        assertThat(browser.find(By.id("target")).getText()).startsWith("https://shop.example/flyer?")
            .contains("utm_campaign=summer-flyer");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.imageLoaded(By.id("qr")));
        assertThat(browser.fetchText(browser.find(By.id("qr-svg")).getAttribute("href"))).startsWith("<svg")
            .contains("<path");
        assertThat(browser.find(By.id("no-clicks")).getText()).isEqualTo("No hits yet.");

        HttpFixture phone = new HttpFixture(this.port);
        HttpResponse<String> redirect = phone.get("/r/" + code, "User-Agent", PHONE);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith("https://shop.example/flyer?");
        assertThat(phone.get("/r/" + code, "User-Agent", WHATSAPP).statusCode()).isEqualTo(302);

        browser.waitUntil(Duration.ofSeconds(15), () -> {
            browser.open(browser.path());
            return browser.findAll(By.cssSelector("#clicks tbody tr")).size() == 2;
        });
        assertThat(browser.find(By.cssSelector("[data-stat=hits]")).getText()).isEqualTo("2");
        assertThat(browser.find(By.cssSelector("[data-stat=human]")).getText()).isEqualTo("1");
        assertThat(browser.find(By.cssSelector("[data-reason=PREVIEW]")).getText()).isEqualTo("Link preview 1");
        assertThat(browser.find(By.id("clicks")).getText()).contains("person").contains("iPhone").contains("WhatsApp");
    }

    @Test
    void aMistypedDestinationIsCorrectedAndTheLinkEndedFromItsPage() {
        ShortLinkView link = this.links.create(
                new PlainLinkRequest("https://shop.example/wintr", "Typo", null, null, "https://shop.example/", null),
                "demo-marketer");
        HttpFixture phone = new HttpFixture(this.port);
        assertThat(phone.get("/r/" + link.code(), "User-Agent", PHONE).headers().firstValue("Location").orElseThrow())
            .startsWith("https://shop.example/wintr?");
        browser.open("/links/" + link.id());

        browser.click(By.cssSelector("#change-link summary"));
        browser.type(By.id("new-target"), "https://shop.example/winter");
        browser.click(By.id("save-link"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Link saved");
        assertThat(browser.find(By.id("target")).getText()).startsWith("https://shop.example/winter?");
        browser.waitUntil(Duration.ofSeconds(10),
                () -> phone.get("/r/" + link.code(), "User-Agent", PHONE)
                    .headers()
                    .firstValue("Location")
                    .orElseThrow()
                    .startsWith("https://shop.example/winter?"));

        browser.click(By.cssSelector("#change-link summary"));
        browser.click(By.id("end-link"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("ended");
        assertThat(browser.find(By.cssSelector("dd .badge")).getText()).isEqualTo("expired");
        browser.waitUntil(Duration.ofSeconds(10), () -> "https://shop.example/"
            .equals(phone.get("/r/" + link.code(), "User-Agent", PHONE).headers().firstValue("Location").orElse("")));
    }

    @Test
    void aTargetThatIsNoWebAddressIsRefusedWithAReason() {
        browser.open("/links");
        browser.type(By.id("targetUrl"), "javascript:alert(1)");
        browser.click(By.cssSelector("#new-link button[type=submit]"));

        assertThat(browser.find(By.cssSelector("#new-link .alert-danger")).getText()).containsIgnoringCase("http");
        assertThat(browser.findAll(By.cssSelector("#links td")).stream().map((cell) -> cell.getText()))
            .noneMatch((text) -> text.contains("javascript"));
    }

    @Test
    void aCampaignsLinksShowRawAndHumanHitsWithTheReasonsForExclusion() {
        long campaign = 900_000 + System.nanoTime() % 100_000;
        List<MintedLink> minted = this.links.mint(IntStream.rangeClosed(1, 3)
            .mapToObj((contact) -> new RecipientLinkRequest("https://shop.example/sale", null, campaign, contact, "A",
                    null, "spring-sale", 7))
            .toList());
        HttpFixture client = new HttpFixture(this.port);
        client.get("/r/" + minted.get(0).code(), "User-Agent", PHONE);
        client.get("/r/" + minted.get(0).code(), "User-Agent", PHONE);
        client.get("/r/" + minted.get(1).code(), "User-Agent",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) "
                        + "Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0");
        client.get("/r/" + minted.get(2).code(), "User-Agent", "");

        browser.waitUntil(Duration.ofSeconds(15), () -> {
            browser.open("/links?campaign=" + campaign);
            return browser.find(By.cssSelector("#campaign-stats [data-stat=hits]")).getText().equals("4");
        });
        assertThat(browser.heading()).isEqualTo("Links of “campaign " + campaign + "”");
        assertThat(browser.find(By.cssSelector("#campaign-stats [data-stat=human]")).getText()).isEqualTo("2");
        assertThat(browser.find(By.cssSelector("#campaign-stats [data-stat=excluded]")).getText()).isEqualTo("2");
        assertThat(browser.find(By.cssSelector("#campaign-stats [data-reason=PREVIEW]")).getText())
            .isEqualTo("Link preview 1");
        assertThat(browser.find(By.cssSelector("#campaign-stats [data-reason=EMPTY_USER_AGENT]")).getText())
            .isEqualTo("No user agent 1");
        assertThat(browser.findAll(By.cssSelector("#links tbody tr"))).hasSize(3);
        assertThat(browser.find(By.cssSelector("tr[data-code='" + minted.get(0).code() + "']")).getText())
            .endsWith("2 2");

        browser.click(By.linkText(minted.get(0).shortUrl()));
        assertThat(browser.find(By.id("clicks")).getText()).contains("repeat");
    }

}
