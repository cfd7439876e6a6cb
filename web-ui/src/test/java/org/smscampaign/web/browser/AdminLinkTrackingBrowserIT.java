package org.smscampaign.web.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.link.PlainLinkRequest;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin › Link tracking as an admin uses it in real Chromium: the sources of click
 * classification with their versions, the try-out with the source that decided, an
 * addition that makes an in-app browser a person, and a reclassification of stored hits.
 */
@PlatformIT
class AdminLinkTrackingBrowserIT extends BrowserSession {

    static final String BANK_APP = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 AcmeBankApp/5.2 (in-app browser; crawler-free)";

    @Autowired
    Brands brands;

    @Autowired
    ShortLinks links;

    @BeforeEach
    void signedInAdmin() {
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
    }

    @Test
    void theTryOutShowsTheVerdictAndTheSourceThatDecided() {
        browser.open("/admin/link-tracking");
        assertThat(browser.findAll(By.cssSelector("#classification-sources tbody tr"))).hasSize(4);
        assertThat(browser.find(By.cssSelector("#classification-sources [data-source=YAUAA]")).getText())
            .matches("(?s).*Yauaa.*\\d+\\.\\d+\\.\\d+.*");
        assertThat(browser.find(By.cssSelector("#classification-sources [data-source=ISBOT]")).getText())
            .contains("isbot")
            .containsPattern("\\d{4}-\\d{2}-\\d{2}");

        tryAgent("WhatsApp/2.23.20.0 A");
        assertThat(browser.find(By.id("try-verdict")).getText()).isEqualTo("Not counted: Link preview.");
        assertThat(browser.find(By.id("try-source")).getText()).startsWith("Decided by: SMS rule");

        tryAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        assertThat(browser.find(By.id("try-verdict")).getText()).isEqualTo("Not counted: Bot or scanner.");
        assertThat(browser.find(By.id("try-source")).getText()).startsWith("Decided by: Yauaa")
            .contains("DeviceClass Robot");

        tryAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Mobile/15E148 Instagram 307.0.0.34.111 (iPhone14,5; iOS 17_1; en_US; en; scale=3.00)");
        assertThat(browser.find(By.id("try-verdict")).getText()).isEqualTo("Counted as a person.");
        assertThat(browser.find(By.id("try-source")).getText()).startsWith("Decided by: SMS rule");

        tryAgent("Mozilla/5.0 (Linux; Android 7.0; Moto G (4)) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/98.0.4695.0 Mobile Safari/537.36 Chrome-Lighthouse");
        assertThat(browser.find(By.id("try-source")).getText())
            .isEqualTo("Decided by: isbot pattern (chrome-lighthouse)");
        assertThat(browser.find(By.cssSelector("#try-opinions [data-source=YAUAA]")).getText()).contains("no verdict")
            .contains("DeviceClass Phone");
        browser.scrollTo(By.id("try-agent"));
        browser.screenshot("admin-link-tracking-try-out");
        browser.resize(412, 915);
        browser.scrollTo(By.id("people"));
        browser.screenshot("admin-link-tracking-sources-phone");
        browser.scrollTo(By.id("try-agent"));
        browser.screenshot("admin-link-tracking-try-out-phone");
    }

    /** Issue 16: unverified browser conversions count only for a brand that opts in. */
    @Test
    void aBrandOptsInToCountingBrowserConversionsAndOutAgain() {
        browser.open("/admin/link-tracking");
        By defaultBrand = By.cssSelector("section[data-brand] .browser-conversions");
        assertThat(browser.find(defaultBrand).getText()).contains("not counted");

        browser.click(browser.find(defaultBrand).findElement(By.tagName("button")));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("now count");
        assertThat(browser.find(defaultBrand).getText()).contains("counted in revenue");
        browser.scrollTo(defaultBrand);
        browser.screenshot("admin-brand-browser-conversions-desktop");
        browser.resize(390, 844);
        browser.scrollTo(defaultBrand);
        browser.screenshot("admin-brand-browser-conversions-phone");
        browser.resize(1280, 900);

        browser.click(browser.find(defaultBrand).findElement(By.tagName("button")));
        assertThat(browser.find(defaultBrand).getText()).contains("not counted");
    }

    @Test
    void anAdditionMakesAnInAppBrowserAPersonAndStoredHitsAreReclassified() {
        browser.open("/admin/link-tracking");
        tryAgent(BANK_APP);
        assertThat(browser.find(By.id("try-verdict")).getText()).as("taken for a crawler")
            .isEqualTo("Not counted: Bot or scanner.");

        browser.find(By.id("pattern-kind")).sendKeys("Person");
        browser.type(By.id("pattern-text"), "AcmeBankApp/");
        browser.click(By.cssSelector("#new-pattern button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Pattern added");
        assertThat(browser.find(By.id("patterns")).getText()).contains("person").contains("AcmeBankApp/");

        tryAgent(BANK_APP);
        assertThat(browser.find(By.id("try-verdict")).getText()).isEqualTo("Counted as a person.");
        assertThat(browser.find(By.id("try-source")).getText()).isEqualTo("Decided by: Admin addition (AcmeBankApp/)");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.setValue(By.id("reclassify-from"), today);
        browser.setValue(By.id("reclassify-to"), today);
        browser.click(By.cssSelector("#new-reclassification button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Reclassification started");
        browser.waitUntil(Duration.ofSeconds(30), () -> {
            browser.open("/admin/link-tracking");
            return "DONE"
                .equals(browser.find(By.cssSelector("#reclassifications tbody tr")).getDomAttribute("data-status"));
        });
        assertThat(browser.find(By.cssSelector("#reclassifications tbody tr")).getText()).startsWith(today)
            .contains("done")
            .contains("demo-admin");
        browser.scrollTo(By.id("people"));
        browser.screenshot("admin-link-tracking-desktop");
        browser.resize(412, 915);
        browser.scrollTo(By.id("reclassify"));
        browser.screenshot("admin-link-tracking-reclassify-phone");
        browser.resize(1280, 900);

        browser.click(By.cssSelector("button[aria-label='Remove AcmeBankApp/']"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Pattern removed");
        assertThat(browser.findAll(By.id("patterns"))).isEmpty();
    }

    /**
     * Issue 16, finding 4: links were not checked again when a brand's rules changed. Now
     * the brand lists its offenders, which keep redirecting until the admin disables
     * them.
     */
    @Test
    void aNewRuleListsTheBrandsLinksThatBreakItAndTheAdminDisablesThem() {
        long n = System.nanoTime();
        BrandView brand = this.brands.create("Outlet " + n, "https://go" + n + ".example/", null, List.of(), List.of(),
                false);
        ShortLinkView away = link(brand, "https://old-outlet.example/winter-sale", null);
        link(brand, "https://old-outlet.example/winter-sale", null);
        link(brand, "https://shop.example/sale", "https://old-outlet.example/");
        link(brand, "https://shop.example/fine", null);

        browser.open("/admin/link-tracking");
        browser.type(By.id("domains-" + brand.id()), "shop.example");
        browser.click(By.cssSelector("[data-brand='Outlet " + n + "'] button.btn-outline-primary"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("3 links break them");
        By offenders = By.id("offenders-" + brand.id());
        assertThat(browser.findAll(By.cssSelector("#offenders-" + brand.id() + " tbody tr"))).hasSize(2);
        assertThat(browser.find(By.cssSelector("#offenders-" + brand.id() + " tr[data-field=TARGET]")).getText())
            .contains("https://old-outlet.example/winter-sale")
            .contains("only allows links to shop.example")
            .contains("2");
        assertThat(browser.find(By.cssSelector("#offenders-" + brand.id() + " tr[data-field=FALLBACK]")).getText())
            .contains("https://old-outlet.example/")
            .contains("fallback");
        HttpFixture visitor = new HttpFixture(this.port);
        assertThat(visitor.get("/r/" + away.code()).statusCode()).as("listed, still redirecting").isEqualTo(302);
        browser.scrollTo(offenders);
        browser.screenshot("admin-link-tracking-offenders");
        browser.resize(390, 844);
        browser.scrollTo(offenders);
        browser.screenshot("admin-link-tracking-offenders-phone");
        browser.resize(1280, 900);

        browser.click(By.id("disable-offenders-" + brand.id()));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("3 links disabled");
        assertThat(browser.find(By.cssSelector("#offenders-" + brand.id() + " tr[data-field=TARGET] td:last-child"))
            .getText()).isEqualTo("2");
        browser.waitUntil(Duration.ofSeconds(5), () -> visitor.get("/r/" + away.code()).statusCode() == 410);
        assertThat(visitor.get("/r/" + away.code()).body()).contains("This link has been disabled");

        browser.open("/links/" + away.id());
        assertThat(browser.find(By.id("link-disabled")).getText()).isEqualTo("disabled");
        browser.screenshot("link-disabled");
    }

    private ShortLinkView link(BrandView brand, String target, String fallback) {
        return this.links.create(new PlainLinkRequest(target, "outlet", brand.id(), null, fallback, null), "test");
    }

    private static void tryAgent(String agent) {
        browser.type(By.id("tryAgent"), agent);
        browser.click(By.cssSelector("#try-agent button[type=submit]"));
    }

}
