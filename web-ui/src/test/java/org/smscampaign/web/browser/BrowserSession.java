package org.smscampaign.web.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One real Chromium per test class, a new visitor (no cookies, the usual window) before
 * each test, and a screenshot after each under target/screenshots.
 */
abstract class BrowserSession {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void newVisitor() {
        if (browser == null) {
            browser = Browser.start(this.port);
        }
        browser.resize(1280, 900);
        browser.forgetSession();
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

}
