package org.smscampaign.web.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in, navigation, sign-out and administration as people do them, in real Chromium.
 */
@PlatformIT
class PlatformBrowserIT extends BrowserSession {

    @Autowired
    UserAccounts accounts;

    @Test
    void theLoginPageRendersAndAWrongPasswordIsRefused() {
        browser.open("/login");
        assertThat(browser.title()).contains("Sign in");
        assertThat(browser.find(By.cssSelector("label[for=username]")).getText()).isEqualTo("Username");
        assertThat(browser.find(By.cssSelector("label[for=password]")).getText()).isEqualTo("Password");

        browser.signIn("demo-marketer", "wrong-password");

        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.find(By.id("login-error")).getText()).contains("Wrong username or password");
    }

    @Test
    void aPageWithoutLoginLeadsToTheLoginPageAndBackAfterSignIn() {
        browser.open("/dashboards");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.heading()).isEqualTo("Sign in");
        assertThat(browser.cookie("SESSION")).as("no session before sign-in").isNull();
        browser.type(By.id("username"), "demo-manager");
        browser.type(By.id("password"), PlatformIT.DEMO_PASSWORD);
        browser.click(By.id("sign-in"));
        assertThat(browser.path()).isEqualTo("/dashboards");
    }

    @Test
    void aMarketerSignsInVisitsEverySectionAndSignsOut() {
        browser.open("/login");
        assertThat(browser.cookie("SESSION")).as("no session before sign-in").isNull();

        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        assertThat(browser.path()).isEqualTo("/campaigns");
        assertThat(browser.cookie("SESSION")).isNotNull();
        assertThat(browser.find(By.id("signed-in-as")).getText()).contains("demo-marketer");
        assertThat(browser.findAll(By.linkText("Admin"))).isEmpty();
        for (String section : List.of("Contacts", "Segments", "Dashboards", "Campaigns")) {
            browser.click(By.linkText(section));
            assertThat(browser.heading()).isEqualTo(section);
            assertThat(browser.find(By.linkText(section)).getDomAttribute("aria-current")).isEqualTo("page");
            assertThat(browser.find(By.id("main")).getText()).isNotBlank();
        }

        browser.click(By.id("sign-out"));

        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.find(By.id("logout-message")).getText()).contains("signed out");
        browser.open("/campaigns");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aManagerLandsOnDashboardsAndIsDeniedAdministration() {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);

        assertThat(browser.path()).isEqualTo("/dashboards");
        browser.open("/admin/users");
        assertThat(browser.heading()).isEqualTo("Access denied");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPage() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        browser.open("/campaigns/does-not-exist/at-all");

        assertThat(browser.heading()).isEqualTo("Page not found");
        browser.click(By.linkText("Back to the start page"));
        assertThat(browser.path()).isEqualTo("/campaigns");
    }

    @Test
    void anAdminManagesUsers() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        browser.click(By.linkText("Admin"));
        assertThat(browser.path()).isEqualTo("/admin/users");

        browser.type(By.id("new-username"), username);
        browser.find(By.id("new-role")).sendKeys("Manager");
        browser.type(By.id("new-password"), "short");
        browser.click(By.cssSelector("#new-user button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#new-password + .invalid-feedback, .invalid-feedback")).getText())
            .contains("12");

        browser.type(By.id("new-password"), "Password123!");
        browser.click(By.cssSelector("#new-user button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#new-user .alert-danger")).getText()).contains("too easy to guess")
            .contains("commonly used");
        browser.type(By.id("new-password"), username + "-secret");
        browser.click(By.cssSelector("#new-user button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#new-user .alert-danger")).getText())
            .contains("must not contain the username");
        browser.screenshot("admin-users-weak-password-desktop");

        browser.type(By.id("new-password"), "a-long-enough-password");
        browser.click(By.cssSelector("#new-user button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains(username);
        WebElement row = browser.find(By.cssSelector("tr[data-username='" + username + "']"));
        assertThat(row.getText()).contains("Active");

        browser.click(row.findElement(By.xpath(".//button[text()='Disable']")));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("disabled");
        assertThat(browser.find(By.cssSelector("tr[data-username='" + username + "']")).getText()).contains("Disabled");
    }

    @Test
    void anAdminSeesALockedAccountAndUnlocksIt() {
        String username = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(username, Role.MARKETER, "Unlock-me-passphrase-7");
        HttpFixture guesser = new HttpFixture(this.port);
        for (int i = 0; i < 12; i++) {
            guesser.signIn(username, "guess-" + i, "X-Forwarded-For", "203.0.113.77");
        }

        browser.signIn(username, "Unlock-me-passphrase-7");
        assertThat(browser.path()).isEqualTo("/login?throttled");
        assertThat(browser.find(By.id("login-throttled")).getText()).contains("Too many failed sign-ins");
        browser.screenshot("login-throttled-desktop");
        browser.resize(390, 844);
        browser.screenshot("login-throttled-phone");
        browser.resize(1280, 900);

        browser.forgetSession();
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        browser.open("/admin/users");
        WebElement row = browser.find(By.cssSelector("#sign-in-failures tr[data-subject='" + username + "']"));
        assertThat(row.getText()).contains("Locked until").contains("account");
        assertThat(browser.find(By.cssSelector("#sign-in-failures tr[data-subject='203.0.113.77']")).getText())
            .contains("address");
        browser.scrollTo(By.id("sign-in-failures"));
        browser.screenshot("admin-sign-in-failures-desktop");
        browser.resize(390, 844);
        browser.scrollTo(By.id("sign-in-failures"));
        browser.screenshot("admin-sign-in-failures-phone");

        browser.click(row.findElement(By.xpath(".//button[text()='Unlock']")));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains(username);
        assertThat(browser.findAll(By.cssSelector("#sign-in-failures tr[data-subject='" + username + "']"))).isEmpty();
        browser.click(By.cssSelector("#sign-in-failures tr[data-subject='203.0.113.77'] button"));

        browser.forgetSession();
        browser.signIn(username, "Unlock-me-passphrase-7");
        assertThat(browser.path()).isEqualTo("/campaigns");
    }

    @Test
    void anAdminCreatesAnApiKeyWithTheScopesChosenThatWorksUntilRevoked() {
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        browser.open("/admin/api-keys");
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 8);

        browser.type(By.id("key-name"), name);
        browser.click(By.cssSelector("#new-key button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#new-key .invalid-feedback")).getText())
            .as("no scope is chosen for the admin")
            .contains("at least one scope");
        assertThat(browser.findAll(By.id("created-token"))).isEmpty();

        browser.click(By.cssSelector("#new-key input[value=CONVERSIONS_WRITE]"));
        browser.click(By.cssSelector("#new-key button[type=submit]"));

        String token = browser.find(By.id("created-token")).getText();
        assertThat(token).startsWith("sms_");
        assertThat(browser.find(By.cssSelector("tr[data-name='" + name + "'] .key-scopes")).getText())
            .isEqualTo("conversions:write");
        browser.screenshot("api-keys-desktop");
        browser.resize(390, 844);
        browser.screenshot("api-keys-phone");
        browser.resize(1280, 900);
        HttpFixture api = new HttpFixture(this.port);
        assertThat(api.get("/api/v1/me", "X-API-Key", token).statusCode()).as("only the scope chosen").isEqualTo(403);
        assertThat(api.postJson("/api/v1/conversions", "{\"event\":\"lead\"}", "X-API-Key", token).statusCode())
            .isEqualTo(201);

        browser.click(browser.find(By.cssSelector("tr[data-name='" + name + "']"))
            .findElement(By.xpath(".//button[text()='Revoke']")));
        assertThat(browser.find(By.cssSelector("tr[data-name='" + name + "']")).getText()).contains("Revoked");
        assertThat(api.postJson("/api/v1/conversions", "{\"event\":\"lead\"}", "X-API-Key", token).statusCode())
            .isEqualTo(401);
        browser.open("/admin/api-keys");
        assertThat(browser.findAll(By.id("created-token"))).as("the token is shown only once").isEmpty();
    }

    @Test
    void anAdminSetsAnExchangeRateAndSeesWherePricesComeFrom() {
        browser.signIn("demo-admin", PlatformIT.DEMO_PASSWORD);
        browser.open("/admin/exchange-rates");
        assertThat(browser.find(By.id("reporting-currency")).getText()).isEqualTo("USD");

        browser.type(By.id("rate-currency"), "chf");
        browser.setValue(By.id("rate-from"), "2026-11-02");
        browser.type(By.id("rate-value"), "1.1312");
        browser.click(By.id("save-rate"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("CHF");
        assertThat(browser.find(By.cssSelector("#rates tr[data-currency=CHF][data-from='2026-11-02']")).getText())
            .contains("1.1312 USD")
            .contains("demo-admin");

        browser.type(By.id("rate-currency"), "USD");
        browser.setValue(By.id("rate-from"), "2026-11-02");
        browser.type(By.id("rate-value"), "1");
        browser.click(By.id("save-rate"));
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("reporting currency");
        browser.screenshot("exchange-rates-desktop");

        browser.click(By.cssSelector("#rates tr[data-currency=CHF][data-from='2026-11-02'] button"));
        assertThat(browser.findAll(By.cssSelector("#rates tr[data-currency=CHF][data-from='2026-11-02']"))).isEmpty();

        browser.open("/admin/messaging");
        assertThat(browser.find(By.id("price-table")).getText()).contains("DE")
            .contains("0.0865")
            .contains("every other country");
        browser.screenshot("admin-messaging-prices-desktop");
        browser.resize(390, 844);
        browser.open("/admin/exchange-rates");
        browser.screenshot("exchange-rates-phone");
    }

    @Test
    void onANarrowScreenTheNavigationFoldsIntoAMenu() {
        browser.resize(420, 860);
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        WebElement contacts = browser.findAll(By.cssSelector("#main-nav a[href='/contacts']")).get(0);
        assertThat(contacts.isDisplayed()).isFalse();
        browser.click(By.cssSelector(".navbar-toggler"));
        browser.click(By.linkText("Contacts"));

        assertThat(browser.heading()).isEqualTo("Contacts");
    }

}
