package org.smscampaign.web.browser;

import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees while as many heavy reads run as allowed: the busy page with a way
 * to try again, on a desktop and a phone; the segment builder says it counts again soon,
 * and does.
 */
@PlatformIT
class BusyBrowserIT extends BrowserSession {

    @Autowired
    Bulkhead bulkhead;

    private int taken;

    private void takeEveryTurn() {
        while (this.bulkhead.tryAcquirePermission()) {
            this.taken++;
        }
    }

    @AfterEach
    void giveBackTurns() {
        for (; this.taken > 0; this.taken--) {
            this.bulkhead.onComplete();
        }
    }

    @Test
    void aManagerMeetsTheBusyPageAndTriesAgain() {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        takeEveryTurn();
        for (boolean phone : new boolean[] { false, true }) {
            browser.resize(phone ? 390 : 1440, phone ? 844 : 900);
            browser.open("/dashboards");
            assertThat(browser.heading()).isEqualTo("Busy with other reports");
            assertThat(browser.find(By.id("try-again")).getAttribute("href")).endsWith("/dashboards");
            browser.assertAccessible();
            browser.assertNoHorizontalScroll();
            browser.screenshot("busy-page-" + (phone ? "phone" : "desktop"));
        }
        giveBackTurns();
        browser.click(By.id("try-again"));
        assertThat(browser.heading()).isEqualTo("Dashboards");
    }

    @Test
    void theSegmentBuilderCountsAgainWhenATurnIsFree() {
        browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
        takeEveryTurn();
        browser.open("/segments/new");
        browser.waitForText(By.id("preview-time"), (text) -> text.startsWith("Busy with other counts"));
        browser.screenshot("busy-segment-builder");
        giveBackTurns();
        browser.waitUntil(Duration.ofSeconds(15),
                () -> browser.find(By.id("preview-time")).getText().startsWith("counted in"));
        assertThat(browser.find(By.id("reachable-count")).getText()).matches("[\\d,]+");
    }

}
