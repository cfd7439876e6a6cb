package org.smscampaign.web.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 7: the report opened on yesterday (often empty) with no shortcuts.
 */
class ReportRangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Test
    void withoutDaysTheReportCoversTheLastSevenDaysUpToToday() {
        assertThat(ReportRange.of(null, null, TODAY))
            .isEqualTo(new ReportRange(LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 4)));
    }

    @Test
    void oneDayGivenIsThatDay() {
        LocalDate day = LocalDate.of(2026, 1, 2);
        assertThat(ReportRange.of(day, null, TODAY)).isEqualTo(new ReportRange(day, day));
        assertThat(ReportRange.of(null, day, TODAY)).isEqualTo(new ReportRange(day, day));
    }

    @Test
    void shortcutsCoverTheUsualPeriods() {
        Map<String, String> ranges = ReportRange.shortcuts(TODAY)
            .stream()
            .collect(Collectors.toMap(ReportRange.Shortcut::id, (s) -> s.range().label()));
        assertThat(ranges).containsEntry("today", "2026-03-04")
            .containsEntry("yesterday", "2026-03-03")
            .containsEntry("last-7-days", "2026-02-26 to 2026-03-04")
            .containsEntry("last-30-days", "2026-02-03 to 2026-03-04")
            .containsEntry("this-month", "2026-03-01 to 2026-03-04")
            .containsEntry("last-month", "2026-02-01 to 2026-02-28");
    }

    @Test
    void aBackwardsOrTooLongRangeIsExplained() {
        assertThat(new ReportRange(TODAY, TODAY.minusDays(1)).problem()).contains("ends before it starts");
        assertThat(new ReportRange(TODAY.minusDays(400), TODAY).problem()).contains("at most 366 days");
        assertThat(new ReportRange(TODAY.minusDays(366), TODAY).problem()).isNull();
    }

}
