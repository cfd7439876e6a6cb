package org.smscampaign.web.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.ProductionLinkRules;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 3, in real Chromium at 1440×900 and 390×844: an admin changes a
 * brand's link address and makes another brand the default; a new campaign form
 * preselects the default brand; the preflight shows a sample link as it will be sent and
 * refuses links that recipients could not open.
 */
@ProductionLinkRules
class BrandsBrowserIT extends BrowserSession {

    @Autowired
    Brands brands;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ContactLists lists;

    long originalDefault;

    String originalBase;

    @BeforeEach
    void signedInAdmin() {
        BrandView current = this.brands.defaultBrand();
        this.originalDefault = current.id();
        this.originalBase = current.baseUrl();
        browser.resize(1440, 900);
        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
    }

    @AfterEach
    void asBefore() {
        BrandView original = this.brands.get(this.originalDefault);
        this.brands.update(original.id(), original.name(), this.originalBase);
        this.brands.makeDefault(this.originalDefault);
    }

    private static By card(String brand) {
        return By.cssSelector("section[data-brand='" + brand + "']");
    }

    private static void noHorizontalScrollOnAPhone() {
        assertThat(browser.overflowWidth()).as("document wider than the 390 px window").isLessThanOrEqualTo(0);
    }

    @Test
    void anAdminChangesTheLinkAddressAndMakesAnotherBrandTheDefault() {
        BrandView current = this.brands.defaultBrand();
        String outlet = "Outlet " + System.nanoTime();
        this.brands.create(outlet, "https://go.outlet.example/", null, List.of(), List.of(), false);

        for (int[] size : new int[][] { { 1440, 900 }, { 390, 844 } }) {
            browser.resize(size[0], size[1]);
            browser.open("/admin/link-tracking");
            WebElement base = browser.find(card(current.name())).findElement(By.name("baseUrl"));
            base.clear();
            base.sendKeys("https://go.acme-shop.example/");
            browser.click(browser.find(card(current.name())).findElement(By.cssSelector(".brand-edit button")));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).startsWith("Brand saved.")
                .contains("https://go.acme-shop.example/Ab3xK9q");
            assertThat(browser.find(card(current.name())).findElement(By.className("sample-link")).getText())
                .isEqualTo("https://go.acme-shop.example/Ab3xK9q");
            assertThat(this.brands.get(current.id()).hosts()).contains("go.acme-shop.example");

            browser.click(browser.find(card(outlet)).findElement(By.className("make-default")));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).startsWith("Default brand changed");
            assertThat(browser.find(card(outlet)).getText()).contains("default");
            assertThat(browser.find(card(outlet)).findElements(By.className("make-default"))).isEmpty();
            assertThat(this.brands.defaultBrand().name()).isEqualTo(outlet);
            browser.scrollTo(card(outlet));
            browser.screenshot("brands-admin-" + size[0]);
            if (size[0] == 390) {
                noHorizontalScrollOnAPhone();
            }
            this.brands.makeDefault(current.id());
        }
    }

    @Test
    void aNewCampaignPreselectsTheDefaultBrandAndThePreflightShowsTheSampleLinkAndTheError() {
        BrandView office = this.brands.create("Office links " + System.nanoTime(), "https://10.1.2.3/", null, List.of(),
                List.of(), false);
        this.brands.makeDefault(office.id());
        long list = this.lists.create("Newsletter " + System.nanoTime(), null).id();
        String key = this.apiKeys.create("brands-browser-" + System.nanoTime(), Role.MARKETER, "test").token();
        HttpFixture http = new HttpFixture(this.port);
        java.net.http.HttpResponse<String> contact = http.postJson("/api/v1/contacts", """
                {"phone":"+491761234%04d","firstName":"Anna","consent":"SUBSCRIBED","consentProof":"shop sign-up"}"""
            .formatted(System.nanoTime() % 10_000), "X-API-Key", key);
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        this.lists.add(list, List.of(JsonMapper.builder().build().readTree(contact.body()).get("id").asLong()));
        String created = http
            .postJson("/api/v1/campaigns",
                    """
                            {"name":"Shoe sale","sender":"default","audience":{"lists":[%d]},"optOutLine":true,"holdoutPercent":0,"attributionDays":7,"evaluationDays":7,
                             "variants":[{"label":"A","body":"Hi {{first_name|there}}, 20%% off all shoes this week at {{link:https://shop.example/shoes}}","split":100}]}"""
                        .formatted(list),
                    "X-API-Key", key)
            .body();
        long campaign = JsonMapper.builder().build().readTree(created).get("id").asLong();

        for (int[] size : new int[][] { { 1440, 900 }, { 390, 844 } }) {
            browser.resize(size[0], size[1]);
            browser.open("/campaigns/new");
            Select brand = new Select(browser.find(By.id("brandId")));
            assertThat(brand.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(String.valueOf(office.id()));
            assertThat(brand.getFirstSelectedOption().getText()).contains(office.name()).contains("(default)");
            if (size[0] == 390) {
                noHorizontalScrollOnAPhone();
            }

            browser.open("/campaigns/" + campaign);
            assertThat(browser.find(By.id("brand")).getText()).contains(office.name()).contains("https://10.1.2.3/");
            String sample = browser.find(By.cssSelector("#pf-sample-link code")).getText();
            assertThat(sample).matches("https://10\\.1\\.2\\.3/[0-9A-Za-z]{7}");
            WebElement error = browser.find(By.cssSelector("#pf-warnings [data-code=LINK_ADDRESS]"));
            assertThat(error.getDomAttribute("class")).contains("alert-danger");
            assertThat(error.getText()).contains("10.1.2.3")
                .contains("private network")
                .contains("Set the brand's link address in Admin → Link tracking");
            assertThat(browser.find(By.id("pf-variants")).getText()).as("the sample text carries the link")
                .contains("Hi Anna, 20% off all shoes this week at " + sample);
            assertThat(browser.findAll(By.id("pf-clear"))).isEmpty();
            browser.scrollTo(By.id((size[0] == 390) ? "pf-sample-link" : "preflight"));
            browser.screenshot("preflight-sample-link-" + (size[0] == 390 ? "phone" : "desktop"));
            if (size[0] == 390) {
                noHorizontalScrollOnAPhone();
            }
        }
    }

}
