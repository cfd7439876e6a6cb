package org.smscampaign.web.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smscampaign.web.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts, imports and segments as a marketer uses them, in real Chromium. */
@PlatformIT
class ContactsBrowserIT extends BrowserSession {

    @BeforeEach
    void signedInMarketer() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    @Test
    void importingAMixedFileKeepsEveryValidNumberAndWarnsOfTheFieldsLeftEmpty() {
        browser.resize(1440, 900);
        browser.open("/contacts/imports");
        browser.find(By.id("file"))
            .sendKeys(Path.of("src/test/resources/contacts/mixed-excel-export.csv").toAbsolutePath().toString());
        browser.click(By.cssSelector("#upload-form button[type=submit]"));

        assertThat(browser.heading()).contains("mixed-excel-export.csv");
        assertThat(browser.find(By.id("file-size")).getText()).as("the size of a 416-byte file").isEqualTo("416 bytes");
        assertThat(selected("target-0")).isEqualTo("Phone number");
        assertThat(selected("target-1")).isEqualTo("First name");
        assertThat(selected("target-4")).isEqualTo("Birth date");
        assertThat(browser.find(By.cssSelector("tr[data-column='1']")).getText()).contains("Müller; Bernd");
        assertThat(browser.findAll(By.id("custom-6")).get(0).isDisplayed()).isFalse();
        new Select(browser.find(By.id("target-6"))).selectByVisibleText("Custom attribute");
        browser.type(By.id("key-6"), "points");
        new Select(browser.find(By.id("type-6"))).selectByVisibleText("number");
        browser.type(By.id("defaultRegion"), "DE");
        assertThat(selected("consent")).as("nobody is subscribed without the importer's word").startsWith("Pending");
        assertThat(browser.findAll(By.id("consent-confirmation")).get(0).isDisplayed()).isFalse();
        new Select(browser.find(By.id("consent"))).selectByValue("SUBSCRIBED");
        assertThat(browser.find(By.id("consent-confirmation")).isDisplayed()).isTrue();
        browser.click(By.id("start-import"));
        assertThat(browser.path()).as("the browser asks for the confirmation first").doesNotEndWith("/start");
        assertThat(browser.findAll(By.id("import-status"))).isEmpty();
        browser.click(By.id("consentConfirmed"));
        new Select(browser.find(By.id("consentObtained"))).selectByVisibleText("In store");
        browser.type(By.id("consentProof"), "Store sign-up sheet");
        browser.scrollTo(By.id("consent-group"));
        browser.screenshot("import-consent-confirmation-desktop");
        browser.click(By.id("start-import"));

        browser.waitUntil(Duration.ofSeconds(30), () -> browser.findAll(By.id("import-warnings")).size() == 1);
        assertThat(browser.find(By.id("created")).getText()).isEqualTo("6");
        assertThat(browser.find(By.id("rejected")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("warnings")).getText()).isEqualTo("3");
        assertThat(browser.find(By.id("rejections")).getText()).contains("4 Telefon hello not a phone number")
            .contains("duplicate inside the file");
        assertThat(browser.find(By.id("import-warnings")).getText())
            .contains("5 Geburtsdatum 31.02.1970 bad date: left empty")
            .contains("robot unknown gender value")
            .contains("many not a number: left empty");
        assertThat(browser.find(By.id("download-rejections")).getDomAttribute("href")).endsWith("/rejections.csv");
        assertThat(browser.documentWiderThanWindow()).isFalse();
        browser.screenshot("import-result-desktop");

        browser.click(By.linkText("See the contacts"));
        browser.type(By.id("q"), "Bernd");
        browser.click(By.cssSelector("form[role=search] button"));
        browser.click(By.linkText("Müller; Bernd"));
        assertThat(browser.find(By.id("attributes")).getText()).contains("+4917690000002", "Köln", "points", "7");
        assertThat(browser.find(By.id("consent-log")).getText()).contains("import", "In store", "Store sign-up sheet");
    }

    @Test
    void onAPhoneTheImportFitsTheScreenReadsCountriesAndFlagsLandlines() {
        browser.resize(390, 844);
        browser.open("/contacts/imports");
        browser.find(By.id("file"))
            .sendKeys(Path.of("src/test/resources/contacts/countries-and-landlines.csv").toAbsolutePath().toString());
        browser.click(By.cssSelector("#upload-form button[type=submit]"));

        assertThat(browser.find(By.id("file-size")).getText()).isEqualTo("1.2 KB");
        assertThat(browser.documentWiderThanWindow()).as("the mapping page fits a phone").isFalse();
        browser.type(By.id("defaultRegion"), "US");
        new Select(browser.find(By.id("consent"))).selectByValue("SUBSCRIBED");
        browser.click(By.id("consentConfirmed"));
        new Select(browser.find(By.id("consentObtained"))).selectByVisibleText("Existing customers");
        browser.type(By.id("consentProof"), "Customer accounts with SMS opt-in, CRM export 2026-11");
        browser.scrollTo(By.id("consent-group"));
        browser.screenshot("import-consent-confirmation-phone");
        browser.click(By.id("start-import"));

        browser.waitUntil(Duration.ofSeconds(30), () -> browser.findAll(By.id("import-warnings")).size() == 1);
        assertThat(browser.find(By.id("rejected")).getText()).isEqualTo("0");
        assertThat(browser.find(By.id("import-warnings")).getText()).contains("landline")
            .contains("cannot receive SMS")
            .contains("anna@ not an e-mail address: left empty");
        assertThat(browser.documentWiderThanWindow()).as("the result page fits a phone").isFalse();
        browser.screenshot("import-result-phone");

        browser.open("/contacts?q=Oskar");
        browser.click(By.linkText("Oskar Landline"));
        assertThat(browser.find(By.id("attributes")).getText()).contains("+493012345678");
        assertThat(browser.find(By.id("landline-badge")).getText()).isEqualTo("Landline: cannot receive SMS");
        assertThat(browser.documentWiderThanWindow()).isFalse();
        browser.screenshot("contact-landline-phone");
        browser.open("/contacts?q=Anke");
        browser.click(By.linkText("Anke Mobil"));
        assertThat(browser.find(By.id("attributes")).getText()).as("0176 with Country=Deutschland is German")
            .contains("+4917612345002");
        assertThat(browser.findAll(By.id("landline-badge"))).isEmpty();
    }

    @Test
    void aFileThatIsNotCsvIsRefusedWithAClearMessage() {
        browser.open("/contacts/imports");
        browser.find(By.id("file"))
            .sendKeys(Path.of("src/test/resources/contacts/not-a-csv.xlsx").toAbsolutePath().toString());
        browser.click(By.cssSelector("#upload-form button[type=submit]"));

        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("Excel workbook")
            .contains("Nothing was imported");
    }

    @Test
    void buildingASegmentShowsTheCountChangeAsRulesAreAdded() {
        browser.open("/segments/new");
        String everyone = browser.waitForText(By.id("reachable-count"), (text) -> !text.equals("–"));

        browser.click(By.cssSelector("#rule-builder .add-rule"));
        WebElement condition = browser.find(By.cssSelector("#rule-builder .rule-condition"));
        new Select(condition.findElement(By.cssSelector(".rule-field"))).selectByVisibleText("Country");
        WebElement country = browser.find(By.cssSelector("#rule-builder .rule-condition .rule-value"));
        country.clear();
        country.sendKeys("DE");
        String germany = browser.waitForText(By.id("reachable-count"), (text) -> !text.equals(everyone));

        browser.click(By.cssSelector("#rule-builder .add-rule"));
        List<WebElement> conditions = browser.findAll(By.cssSelector("#rule-builder .rule-condition"));
        new Select(conditions.get(1).findElement(By.cssSelector(".rule-field"))).selectByVisibleText("Interests");
        WebElement interests = browser.findAll(By.cssSelector("#rule-builder .rule-condition"))
            .get(1)
            .findElement(By.cssSelector(".rule-value"));
        interests.sendKeys("sports");
        String sportsFans = browser.waitForText(By.id("reachable-count"), (text) -> !text.equals(germany));

        assertThat(number(germany)).isLessThan(number(everyone));
        assertThat(number(sportsFans)).isLessThan(number(germany)).isPositive();
        assertThat(browser.findAll(By.cssSelector("#sample li"))).isNotEmpty();

        String name = "German sports fans " + UUID.randomUUID().toString().substring(0, 6);
        browser.type(By.id("segment-name"), name);
        browser.click(By.id("save-segment"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains(name);
        browser.open("/segments");
        assertThat(browser.find(By.cssSelector("tr[data-name='" + name + "']")).getText())
            .contains(String.valueOf(sportsFans));
    }

    @Test
    void aContactIsAddedCorrectedGivenConsentListedAndErased() {
        browser.open("/contacts/new");
        browser.type(By.id("phone"), "not a number");
        browser.type(By.id("firstName"), "Ida");
        browser.click(By.cssSelector("#contact-form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#phone + .form-text + .invalid-feedback, .invalid-feedback")).getText())
            .isNotBlank();

        String number = "+49 176 9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        browser.type(By.id("phone"), number);
        new Select(browser.find(By.id("consent"))).selectByVisibleText("Pending");
        browser.click(By.cssSelector("#contact-form button[type=submit]"));
        assertThat(browser.heading()).isEqualTo("Ida");
        assertThat(browser.find(By.id("consent-log")).getText()).contains("Pending", "form");

        new Select(browser.find(By.id("consent-status"))).selectByVisibleText("Subscribed");
        browser.type(By.id("consent-proof"), "Confirmed by phone");
        browser.click(By.cssSelector("#consent-form button"));
        assertThat(browser.find(By.id("consent-log")).getText()).contains("Confirmed by phone");

        new Select(browser.find(By.id("add-list"))).selectByVisibleText("VIP customers");
        browser.click(By.cssSelector("form[action$='/lists'] button"));
        assertThat(browser.find(By.id("contact-lists")).getText()).contains("VIP customers");

        browser.click(By.id("erase-confirm"));
        browser.click(By.cssSelector("#erase-form button"));
        assertThat(browser.heading()).isEqualTo("Erased contact");
        assertThat(browser.find(By.id("attributes")).getText()).doesNotContain("Ida");
    }

    @Test
    void aManagerSeesContactsAndSegmentsButCannotChangeThem() {
        browser.forgetSession();
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);

        browser.open("/contacts");
        assertThat(browser.find(By.id("contacts")).getText()).isNotBlank();
        assertThat(browser.findAll(By.linkText("Add contact"))).isEmpty();
        assertThat(browser.findAll(By.linkText("Import CSV"))).isEmpty();
        browser.open("/segments");
        assertThat(browser.find(By.id("segments")).getText()).contains("Young sports fans in Germany");
        assertThat(browser.findAll(By.linkText("New segment"))).isEmpty();
    }

    private static String selected(String id) {
        return new Select(browser.find(By.id(id))).getFirstSelectedOption().getText();
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

}
