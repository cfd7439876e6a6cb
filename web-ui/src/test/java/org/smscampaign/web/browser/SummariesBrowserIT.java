package org.smscampaign.web.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.web.DemoCampaign;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.report.ReportSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager reads the daily, weekly and monthly summaries in real Chromium on a desktop
 * and a phone: picks the kind and the period, reads the bottom line, goals and alerts,
 * and finds the PDF and CSV downloads; an admin sets the account's zone and schedule.
 */
@PlatformIT
class SummariesBrowserIT extends BrowserSession {

    @Autowired
    ReportSettings settings;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    JdbcClient jdbc;

    private static String size(String size) {
        String[] wh = size.split("x");
        browser.resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        return size.startsWith("390") ? "phone" : "desktop";
    }

    private static void fitsAndIsAccessible() {
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();
    }

    @AfterEach
    void configuredDefaultsAgain() {
        this.settings.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void aManagerPicksKindAndPeriodReadsTheSummaryAndDownloadsIt(String size) {
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        String device = size(size);
        browser.open("/reports/weekly");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        assertThat(browser.find(By.id("summary-title")).getText()).startsWith("Weekly summary · Week");
        assertThat(browser.find(By.cssSelector("#summary-kinds .active")).getText()).isEqualTo("Weekly");
        assertThat(browser.find(By.id("summary-period")).getText()).contains(monday.toString()).contains("UTC");
        // The week the demo campaign sent in: this one, unless the suite started before
        // it.
        LocalDate sentMonday = DemoCampaign
            .sendingDay(this.jdbc, DemoCampaign.id(this.campaigns, "Autumn running sale"))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!sentMonday.equals(monday)) {
            monday = sentMonday;
            browser.open("/reports/weekly?date=" + monday);
        }
        assertThat(browser.find(By.cssSelector("#bottom-line [data-figure=profit]")).getText()).contains("Profit");
        assertThat(browser.find(By.id("summary-table")).getText()).contains("Autumn running sale");
        assertThat(browser.present(By.id("summary-alerts")) || browser.present(By.id("no-alerts"))).isTrue();
        assertThat(browser.find(By.id("download-pdf")).getDomAttribute("href"))
            .isEqualTo("/api/v1/reports/summaries/weekly?date=" + monday + "&format=pdf");
        assertThat(browser.find(By.id("download-csv")).getDomAttribute("href"))
            .isEqualTo("/api/v1/reports/summaries/weekly?date=" + monday + "&format=csv");
        // The PDF itself: SummariesApiIT reads its text.
        assertThat(browser.find(By.id("download-pdf")).getDomAttribute("download")).isNotNull();
        assertThat(browser.fetchText("/api/v1/reports/summaries/weekly?date=" + monday + "&format=csv"))
            .startsWith("id,name,status,sent,");
        browser.screenshot("summary-weekly-" + device);
        fitsAndIsAccessible();

        browser.click(By.id("previous-period"));
        assertThat(browser.find(By.cssSelector("#summary-document")).getDomAttribute("data-first"))
            .isEqualTo(monday.minusWeeks(1).toString());
        assertThat(browser.find(By.id("next-period")).getText()).contains("Week");

        browser.click(By.id("kind-monthly"));
        assertThat(browser.find(By.id("summary-title")).getText()).startsWith("Monthly summary · ");
        browser.screenshot("summary-monthly-" + device);
        fitsAndIsAccessible();

        browser.click(By.id("kind-daily"));
        browser.setValue(By.id("date"), today.minusDays(1).toString());
        browser.click(By.id("show-period"));
        assertThat(browser.find(By.cssSelector("#summary-document")).getDomAttribute("data-first"))
            .isEqualTo(today.minusDays(1).toString());
        assertThat(browser.find(By.id("summary-title")).getText()).startsWith("Daily summary · ");
        assertThat(browser.present(By.id("summary-partial"))).as("yesterday is over").isFalse();
        browser.screenshot("summary-daily-" + device);
        fitsAndIsAccessible();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1440x900", "390x844" })
    void anAdminSetsTheZoneHourRecipientsAndKinds(String size) {
        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        String device = size(size);
        browser.open("/admin/reports");
        assertThat(browser.find(By.id("settings-source")).getText()).contains("configured defaults");

        browser.setValue(By.id("zone"), "Europe/Berlin");
        browser.setValue(By.id("hour"), "7");
        browser.click(By.id("send-weekly"));
        browser.click(By.id("send-monthly"));
        browser.setValue(By.id("recipients"), "board@shop.example\ncfo@shop.example");
        browser.click(By.id("save-settings"));

        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("Europe/Berlin");
        assertThat(browser.find(By.id("settings-source")).getText()).contains("Saved by admin");
        assertThat(browser.find(By.id("send-weekly")).isSelected()).isTrue();
        assertThat(this.settings.current().recipients()).containsExactly("board@shop.example", "cfo@shop.example");
        assertThat(this.settings.current().hour()).isEqualTo(7);
        browser.screenshot("summary-settings-" + device);
        fitsAndIsAccessible();

        browser.open("/reports/daily");
        assertThat(browser.find(By.id("summary-zone")).getText()).isEqualTo("Europe/Berlin");

        browser.open("/admin/reports");
        browser.setValue(By.id("zone"), "Mars/Olympus");
        browser.click(By.id("save-settings"));
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("not a time zone");
        browser.click(By.id("reset"));
        assertThat(browser.find(By.id("settings-source")).getText()).contains("configured defaults");
    }

}
