package org.smscampaign.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SendWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void daytimeIsEightToNineInTheRecipientsZone() {
        SendWindow window = SendWindow.daytime(NEW_YORK);

        assertThat(window.allows(Instant.parse("2026-11-25T13:00:00Z"))).as("08:00 New York").isTrue();
        assertThat(window.allows(Instant.parse("2026-11-25T12:59:59Z"))).as("07:59").isFalse();
        assertThat(window.allows(Instant.parse("2026-11-26T02:00:00Z"))).as("21:00").isFalse();
        assertThat(window.nextOpening(Instant.parse("2026-11-26T02:00:00Z")))
            .isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(window.nextOpening(Instant.parse("2026-11-25T07:00:00Z"))).as("2 a.m. waits for 8 a.m. the same day")
            .isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
    }

    @Test
    void frenchRulesSkipSundays() {
        SendWindow france = new SendWindow(ZoneId.of("Europe/Paris"), LocalTime.of(8, 0), LocalTime.of(22, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), SendWindow.Policy.HOLD);

        // Saturday 2 January 2027, 22:30 in Paris: next is Monday 08:00.
        assertThat(france.nextOpening(Instant.parse("2027-01-02T21:30:00Z")))
            .isEqualTo(Instant.parse("2027-01-04T07:00:00Z"));
        assertThat(france.allows(Instant.parse("2027-01-03T12:00:00Z"))).as("Sunday noon").isFalse();
    }

    @Test
    void theDaylightSavingChangeKeepsLocalTime() {
        SendWindow window = SendWindow.daytime(NEW_YORK);
        // 8 March 2026, clocks go forward at 2 a.m.: 08:00 is then 12:00 UTC, not 13:00.
        assertThat(window.nextOpening(Instant.parse("2026-03-08T06:00:00Z")))
            .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void storedFormReadsBackTheSameWindow() {
        SendWindow window = new SendWindow(NEW_YORK, LocalTime.of(8, 0), LocalTime.of(20, 0),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), SendWindow.Policy.SKIP);

        assertThat(SendWindow.of(NEW_YORK.getId(), window.startMinute(), window.endMinute(), window.dayBits(), "SKIP"))
            .isEqualTo(window);
    }

    @Test
    void nonsenseWindowsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SendWindow(NEW_YORK, LocalTime.of(21, 0),
                LocalTime.of(8, 0), EnumSet.allOf(DayOfWeek.class), SendWindow.Policy.HOLD));
        assertThatIllegalArgumentException().isThrownBy(() -> new SendWindow(NEW_YORK, LocalTime.of(8, 0),
                LocalTime.of(21, 0), EnumSet.noneOf(DayOfWeek.class), SendWindow.Policy.HOLD));
    }

}
