package org.smscampaign.web.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Period boundaries in the account's zone, across Berlin's change to summer time on
 * Sunday 29 March 2026 (02:00 local became 03:00) and back on 25 October 2026.
 */
class SummaryPeriodTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayRunsFromLocalMidnightToLocalMidnightAndLasts23HoursOnTheSpringChange() {
        SummaryPeriod day = SummaryPeriod.containing(SummaryKind.DAILY, LocalDate.of(2026, 3, 29), BERLIN);

        assertThat(day.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(day.length()).isEqualTo(Duration.ofHours(23));
        assertThat(day.next().length()).isEqualTo(Duration.ofHours(24));
        assertThat(SummaryPeriod.containing(SummaryKind.DAILY, LocalDate.of(2026, 10, 25), BERLIN).length())
            .isEqualTo(Duration.ofHours(25));
        assertThat(day.label()).isEqualTo("Sunday 29 March 2026");
        assertThat(day.fileName()).isEqualTo("daily-2026-03-29");
    }

    @Test
    void aWeekIsAnIsoWeekFromMondayAndLosesTheHourItCrosses() {
        SummaryPeriod week = SummaryPeriod.containing(SummaryKind.WEEKLY, LocalDate.of(2026, 3, 26), BERLIN);

        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(week.last()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(week.start()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        assertThat(week.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(week.length()).isEqualTo(Duration.ofDays(7).minusHours(1));
        assertThat(week.next().start()).isEqualTo(week.end());
        assertThat(week.fileName()).isEqualTo("weekly-2026-W13");
        assertThat(SummaryPeriod.containing(SummaryKind.WEEKLY, LocalDate.of(2026, 3, 29), BERLIN)).isEqualTo(week);
        // 1 January 2027 is a Friday: its ISO week is the 53rd of 2026.
        assertThat(SummaryPeriod.containing(SummaryKind.WEEKLY, LocalDate.of(2027, 1, 1), BERLIN).fileName())
            .isEqualTo("weekly-2026-W53");
    }

    @Test
    void aMonthRunsFromTheFirstToTheLastLocalDay() {
        SummaryPeriod march = SummaryPeriod.containing(SummaryKind.MONTHLY, LocalDate.of(2026, 3, 17), BERLIN);

        assertThat(march.first()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.last()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(march.length()).isEqualTo(Duration.ofDays(31).minusHours(1));
        assertThat(march.previous().first()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(march.previous().last()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(march.label()).isEqualTo("March 2026");
        assertThat(march.fileName()).isEqualTo("monthly-2026-03");
    }

    @Test
    void eachPeriodFallsDueAtTheConfiguredLocalHourAfterItEnds() {
        Duration catchUp = Duration.ofDays(2);
        // Monday 30 March 2026, 07:00 in Berlin (summer time) is 05:00 UTC.
        Instant justBefore = Instant.parse("2026-03-30T04:59:59Z");
        Instant atSeven = Instant.parse("2026-03-30T05:00:00Z");

        assertThat(SummaryPeriod.due(SummaryKind.WEEKLY, justBefore, BERLIN, 7, catchUp)).isEmpty();
        assertThat(SummaryPeriod.due(SummaryKind.WEEKLY, atSeven, BERLIN, 7, catchUp))
            .containsExactly(SummaryPeriod.containing(SummaryKind.WEEKLY, LocalDate.of(2026, 3, 23), BERLIN));
        assertThat(SummaryPeriod.due(SummaryKind.DAILY, atSeven, BERLIN, 7, catchUp)).extracting(SummaryPeriod::first)
            .as("yesterday, and the days whose hour fell in the last two days")
            .containsExactly(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29));
        assertThat(SummaryPeriod.due(SummaryKind.DAILY, atSeven, BERLIN, 7, Duration.ofHours(12)))
            .extracting(SummaryPeriod::first)
            .containsExactly(LocalDate.of(2026, 3, 29));
        assertThat(SummaryPeriod.due(SummaryKind.MONTHLY, atSeven, BERLIN, 7, catchUp)).isEmpty();
        assertThat(SummaryPeriod.due(SummaryKind.MONTHLY, Instant.parse("2026-04-01T05:00:00Z"), BERLIN, 7, catchUp))
            .extracting(SummaryPeriod::label)
            .containsExactly("March 2026");
    }

    @Test
    void aWeeklySummaryMissedOnMondayIsSentWithinTheCatchUpWindowOnly() {
        Instant tuesday = Instant.parse("2026-03-31T09:00:00Z");
        Instant thursday = Instant.parse("2026-04-02T09:00:00Z");

        assertThat(SummaryPeriod.due(SummaryKind.WEEKLY, tuesday, BERLIN, 7, Duration.ofDays(2))).hasSize(1);
        assertThat(SummaryPeriod.due(SummaryKind.WEEKLY, thursday, BERLIN, 7, Duration.ofDays(2))).isEmpty();
    }

}
