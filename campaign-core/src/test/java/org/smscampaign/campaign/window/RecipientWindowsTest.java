package org.smscampaign.campaign.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.messaging.SendWindow;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientWindowsTest {

    private final RecipientWindows windows = new RecipientWindows(
            new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("sms.campaign",
                    CampaignProperties.class));

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void usRecipientsGetEightToNineAndFloridaEightToEight() {
        RecipientWindows.Rule ohio = this.windows.ruleFor("US", "OH", NEW_YORK, SendWindow.Policy.HOLD);
        RecipientWindows.Rule florida = this.windows.ruleFor("US", "Florida", NEW_YORK, SendWindow.Policy.HOLD);
        Instant eightThirtyPm = Instant.parse("2026-11-25T01:30:00Z"); // 20:30 on 24 Nov
                                                                       // in New York

        assertThat(this.windows.allows(ohio, eightThirtyPm)).isTrue();
        assertThat(this.windows.allows(florida, eightThirtyPm)).isFalse();
        assertThat(this.windows.due(florida, eightThirtyPm)).as("held until 08:00 the next morning")
            .isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
    }

    @Test
    void franceHasNoSundaysAndNoPublicHolidays() {
        RecipientWindows.Rule france = this.windows.ruleFor("FR", null, PARIS, SendWindow.Policy.HOLD);

        // Sunday 8 November 2026, then Wednesday 11 November (Armistice Day) is a
        // holiday.
        assertThat(this.windows.due(france, Instant.parse("2026-11-08T10:00:00Z")))
            .isEqualTo(Instant.parse("2026-11-09T07:00:00Z"));
        assertThat(this.windows.due(france, Instant.parse("2026-11-11T10:00:00Z")))
            .as("Armistice Day: the next day at 08:00")
            .isEqualTo(Instant.parse("2026-11-12T07:00:00Z"));
        assertThat(this.windows.due(france, Instant.parse("2026-11-10T20:30:00Z")))
            .as("21:30 in Paris is allowed (until 22:00)")
            .isEqualTo(Instant.parse("2026-11-10T20:30:00Z"));
    }

    @Test
    void aSkippingCampaignGetsNoDueTimeOutsideTheHours() {
        RecipientWindows.Rule rule = this.windows.ruleFor("DE", null, ZoneId.of("Europe/Berlin"),
                SendWindow.Policy.SKIP);
        assertThat(this.windows.due(rule, Instant.parse("2026-11-25T05:00:00Z"))).isNull();
    }

    @Test
    void localTimeIsTheSameWallClockInEveryZoneAcrossDaylightSaving() {
        LocalDate date = LocalDate.of(2026, 3, 29); // Europe moves its clocks that night
        assertThat(RecipientWindows.localMoment(date, LocalTime.of(10, 0), PARIS))
            .isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(RecipientWindows.localMoment(date, LocalTime.of(10, 0), NEW_YORK))
            .isEqualTo(Instant.parse("2026-03-29T14:00:00Z"));
        // 02:30 does not exist in Paris that night: it moves forward.
        assertThat(RecipientWindows.localMoment(date, LocalTime.of(2, 30), PARIS))
            .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

}
