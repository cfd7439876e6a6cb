package org.smscampaign.web.browser;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.web.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defects 7 and 9 in real Chromium, on a desktop and a phone: the report's
 * range shortcuts and CSV without console errors, the copy button of a new API key,
 * validation messages in words, a focus ring and text that can be seen.
 */
@PlatformIT
class LookAndFeelBrowserIT extends BrowserSession {

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void theReportOpensOnTheLastSevenDaysAndOffersTheUsualRanges() {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        for (int width : new int[] { 1440, 390 }) {
            browser.resize(width, (width == 390) ? 844 : 900);
            browser.consoleErrors();
            browser.open("/reports");
            assertThat(browser.find(By.id("from")).getDomProperty("value")).isEqualTo(today().minusDays(6).toString());
            assertThat(browser.find(By.id("to")).getDomProperty("value")).isEqualTo(today().toString());
            assertThat(browser.find(By.id("range-last-7-days")).getAttribute("aria-current")).isEqualTo("true");
            assertThat(browser.find(By.id("period")).getText())
                .isEqualTo(today().minusDays(6) + " to " + today() + " (days in UTC)");
            assertThat(browser.find(By.id("summary-table")).getDomAttribute("style")).as("no inline style").isNull();
            browser.assertNoConsoleErrors();
            browser.assertAccessible();
            browser.assertNoHorizontalScroll();
            browser.screenshot("report-ranges-" + ((width == 390) ? "phone" : "desktop"));
        }

        browser.click(By.id("range-today"));
        assertThat(browser.find(By.id("period")).getText()).isEqualTo(today() + " (days in UTC)");
        browser.click(By.id("range-last-month"));
        LocalDate lastMonth = today().withDayOfMonth(1).minusMonths(1);
        assertThat(browser.find(By.id("period")).getText())
            .isEqualTo(lastMonth + " to " + lastMonth.plusMonths(1).minusDays(1) + " (days in UTC)");
        assertThat(browser.find(By.id("range-last-month")).getAttribute("aria-current")).isEqualTo("true");
        for (String shortcut : List.of("yesterday", "last-30-days", "this-month")) {
            assertThat(browser.find(By.id("range-" + shortcut)).isDisplayed()).isTrue();
        }

        browser.setValue(By.id("from"), today().minusDays(3).toString());
        browser.setValue(By.id("to"), today().minusDays(1).toString());
        browser.click(By.id("show"));
        assertThat(browser.find(By.id("period")).getText())
            .isEqualTo(today().minusDays(3) + " to " + today().minusDays(1) + " (days in UTC)");
        assertThat(browser.fetchText(browser.find(By.id("summary-csv")).getAttribute("href")))
            .startsWith("id,name,status,sent,delivered");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aNewApiKeyIsCopiedWithOneClick() {
        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        browser.resize(390, 844);
        browser.open("/admin/api-keys");
        browser.type(By.id("key-name"), "copied-" + UUID.randomUUID().toString().substring(0, 8));
        browser.click(By.cssSelector("#new-key input[value=API_READ]"));
        browser.click(By.cssSelector("#new-key button[type=submit]"));
        String token = browser.find(By.id("created-token")).getText();

        browser.click(By.id("copy-token"));
        browser.waitForText(By.id("copy-status"), "Copied"::equals);
        assertThat(browser.find(By.id("copy-status")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.clipboard()).isEqualTo(token);
        browser.assertNoHorizontalScroll();
        browser.assertAccessible();
        browser.screenshot("api-key-copy-phone");
    }

    @Test
    void validationMessagesNameTheFieldAndItsLimits() {
        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        browser.open("/admin/users");
        browser.type(By.id("new-username"), "ab");
        browser.type(By.id("new-password"), "short");
        browser.click(By.cssSelector("#new-user button[type=submit]"));

        assertThat(browser.find(By.cssSelector("#new-username ~ .invalid-feedback")).getText())
            .isEqualTo("Username must be 3 to 64 characters.");
        assertThat(browser.find(By.cssSelector("#new-password ~ .invalid-feedback")).getText())
            .isEqualTo("Password must be 12 to 128 characters.");
        assertThat(browser.find(By.id("new-user")).getText()).doesNotContain("size must be");
    }

    @Test
    void theMenuShowsAVisibleFocusRingAndTheSignedInNameCanBeRead() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        browser.resize(1440, 900);
        browser.open("/campaigns");
        By menu = By.cssSelector("#main-nav .nav-link");
        assertThat(browser.tabTo(menu)).as("the menu is reached with the keyboard").isTrue();
        @SuppressWarnings("unchecked")
        List<String> ring = (List<String>) browser.script("""
                const s = getComputedStyle(document.activeElement);
                const bar = getComputedStyle(document.querySelector('nav.navbar'));
                return [s.outlineStyle, s.outlineWidth, s.outlineColor, bar.backgroundColor];""");
        assertThat(ring.get(0)).isEqualTo("solid");
        assertThat(Double.parseDouble(ring.get(1).replace("px", ""))).isGreaterThanOrEqualTo(2);
        assertThat(Contrast.ratio(ring.get(2), ring.get(3))).as("focus ring against the menu bar")
            .isGreaterThanOrEqualTo(3);
        browser.screenshot("menu-focus-desktop");

        @SuppressWarnings("unchecked")
        List<String> signedIn = (List<String>) browser.script("""
                const s = getComputedStyle(document.getElementById('signed-in-as'));
                return [s.color, getComputedStyle(document.querySelector('nav.navbar')).backgroundColor];""");
        assertThat(Contrast.ratio(signedIn.get(0), signedIn.get(1))).as("'Signed in as' on the menu bar")
            .isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theMenuFitsEveryCommonLaptopWidth() {
        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        for (int width : new int[] { 1024, 1280, 1366, 1440, 1920 }) {
            browser.resize(width, 800);
            browser.open("/campaigns");
            browser.assertNoHorizontalScroll();
            if (width >= 1200) { // below, the menu folds behind its button
                assertThat(browser.find(By.id("signed-in-as")).getText()).as("at %d px", width)
                    .contains(PlatformIT.ADMIN);
            }
            browser.screenshot("menu-" + width);
        }
    }

    /**
     * WCAG 2.1 contrast of two CSS colours ({@code rgb()} or {@code rgba()} on the bar).
     */
    static final class Contrast {

        private Contrast() {
        }

        static double ratio(String foreground, String background) {
            double[] back = rgb(background);
            double[] fore = rgb(foreground);
            // a translucent colour is seen blended onto what is behind it
            double alpha = fore[3];
            double[] seen = { fore[0] * alpha + back[0] * (1 - alpha), fore[1] * alpha + back[1] * (1 - alpha),
                    fore[2] * alpha + back[2] * (1 - alpha) };
            double a = luminance(seen) + 0.05;
            double b = luminance(back) + 0.05;
            return Math.max(a, b) / Math.min(a, b);
        }

        private static double[] rgb(String css) {
            String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
            return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), (parts.length > 3) ? Double.parseDouble(parts[3]) : 1 };
        }

        private static double luminance(double[] rgb) {
            double[] c = new double[3];
            for (int i = 0; i < 3; i++) {
                double v = rgb[i] / 255;
                c[i] = (v <= 0.03928) ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        }

    }

}
