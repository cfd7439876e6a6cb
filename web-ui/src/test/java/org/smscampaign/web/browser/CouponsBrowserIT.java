package org.smscampaign.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CouponPoolView;
import org.smscampaign.campaign.CouponPools;
import org.smscampaign.campaign.ResultImports;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupon codes and offline results as a marketer meets them, in real Chromium on a
 * desktop and a phone: a pool's page with its figures and an upload whose bad lines are
 * listed, the form's "Coupon codes" section, and the results upload with a row not taken.
 */
@PlatformIT
class CouponsBrowserIT extends BrowserSession {

    @Autowired
    CouponPools pools;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ResultImports results;

    @Autowired
    org.smscampaign.report.CampaignReports reports;

    private static void size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    private static String device(String size) {
        return size.startsWith("390") ? "phone" : "desktop";
    }

    private static String file(String name, String text) {
        try {
            Path dir = Files.createTempDirectory("coupons");
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file.toAbsolutePath().toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A random German mobile number that libphonenumber finds valid. */
    private static String validNumber() {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        while (true) {
            String number = "+49151" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            try {
                if (util.isValidNumber(util.parse(number, "DE"))) {
                    return number;
                }
            }
            catch (com.google.i18n.phonenumbers.NumberParseException ex) {
                // try another
            }
        }
    }

    private static String code() {
        return "B" + Long.toString(System.nanoTime(), 36).toUpperCase() + ThreadLocalRandom.current().nextInt(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerFillsAPoolAndGivesItsCodesInACampaign(String size) {
        CouponPoolView pool = this.pools.create("Spring shop codes " + device(size) + " " + System.nanoTime(), "test");
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/campaigns");
        browser.assertNoHorizontalScroll();
        browser.click(By.id("coupon-pools-link"));
        assertThat(browser.path()).isEqualTo("/coupon-pools");
        assertThat(browser.find(By.cssSelector("#pools tr[data-name='" + pool.name() + "']")).getText())
            .contains(pool.name());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("coupon-pools-" + device(size));
        browser.click(By.linkText(pool.name()));
        String first = code();
        browser.find(By.id("codes-file"))
            .sendKeys(file("codes.csv", "code\n" + first + "\n" + code() + "\n\n" + first + "\n" + code() + "\n"));
        browser.click(By.id("add-codes-button"));
        assertThat(browser.find(By.id("code-upload-summary")).getText())
            .isEqualTo("3 codes added; 2 lines were not taken:");
        assertThat(browser.find(By.cssSelector("#code-problems [data-line='4']")).getText()).contains("blank line");
        assertThat(browser.find(By.cssSelector("#code-problems [data-line='5']")).getText())
            .contains("duplicate of line 2");
        assertThat(browser.find(By.id("pool-left")).getText()).isEqualTo("3");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("coupon-pool-" + device(size));

        browser.open("/campaigns/new");
        browser.type(By.id("name"), "Coupons " + device(size) + " " + System.nanoTime());
        browser.type(By.id("bodyA"), "Your own code {{coupon}}: 20% off this week");
        browser.scrollTo(By.id("coupons-title"));
        browser.click(By.id("couponSource-pool"));
        new Select(browser.find(By.id("couponPoolId"))).selectByValue(Long.toString(pool.id()));
        assertThat(browser.find(By.cssSelector("#couponPoolId option:checked")).getText()).endsWith("(3 left)");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("coupon-form-" + device(size));
        browser.click(By.id("save-campaign"));
        assertThat(browser.path()).matches("/campaigns/\\d+");
        browser.open(browser.path() + "/edit");
        assertThat(browser.find(By.id("couponSource-pool")).isSelected()).isTrue();
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aMarketerUploadsResultsAndSeesTheRowNotTaken(String size) {
        String number = validNumber();
        this.contacts.create(new ContactInput(number, "Result", "Buyer", null, null, null, "DE", null, null, "de",
                "Europe/Berlin", null, null), ConsentStatus.SUBSCRIBED, ConsentSource.ADMIN, "test fixture", "test");
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/results");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("results-upload-" + device(size));
        browser.find(By.id("results-file"))
            .sendKeys(file("in-store-sales.csv", "phone,order_id,value,currency\n" + number + ",S-" + System.nanoTime()
                    + ",49.90,EUR\n+4917600000002,S-" + System.nanoTime() + ",12,EUR\n"));
        browser.click(By.id("results-upload-button"));
        assertThat(browser.path()).matches("/results/\\d+");
        assertThat(browser.find(By.id("upload-accepted")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("upload-rejected")).getText()).isEqualTo("1");
        assertThat(browser.find(By.cssSelector("#upload-problems [data-line='3']")).getText())
            .contains("no contact has the number +4917600000002");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("results-report-" + device(size));
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void theDashboardMarksImportedResults(String size) {
        String number = validNumber();
        this.contacts.create(new ContactInput(number, "Shop", "Buyer", null, null, null, "DE", null, null, "de",
                "Europe/Berlin", null, null), ConsentStatus.SUBSCRIBED, ConsentSource.ADMIN, "test fixture", "test");
        long campaign = this.campaigns
            .create(new CampaignDraft("Imported " + device(size) + " " + System.nanoTime(), "default", null, null,
                    java.util.List.of(new CampaignDraft.Variant("A", "Sale in store", 100)), null, null, true, null, 0,
                    null, java.util.List.of(), 7, 7, java.util.List.of()), "test")
            .id();
        this.results.upload("till.csv", "phone,order_id,value,currency\n" + number + ",T-" + System.nanoTime()
                + ",120,EUR\n" + number + ",T-" + System.nanoTime() + ",30,EUR\n", campaign, "test");
        this.reports.refreshedReport(campaign);
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        size(size);
        browser.open("/dashboards/campaigns/" + campaign);
        assertThat(browser.find(By.id("f-converted")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("f-imported")).getText()).isEqualTo("of which 2 imported");
        assertThat(browser.find(By.id("m-revenue-imported")).getText()).isEqualTo("of which 150.00 EUR imported");
        browser.scrollTo(By.id("funnel-title"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.screenshot("dashboard-imported-" + device(size));
        browser.click(By.id("import-results"));
        assertThat(browser.path()).startsWith("/results");
        assertThat(browser.find(By.cssSelector("#results-campaign option:checked")).getAttribute("value"))
            .isEqualTo(Long.toString(campaign));
    }

}
