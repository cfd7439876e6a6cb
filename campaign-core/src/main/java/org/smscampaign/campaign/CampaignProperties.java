package org.smscampaign.campaign;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaigns.
 *
 * @param optOutLine the line appended to messages that carry it
 * @param optOutLines the line in other markets, by country code (built in: DE, FR, ES)
 * @param maxSegments above this many segments a message gets a warning
 * @param frequencyCap how many campaign messages a contact may get within a window
 * @param window the default allowed hours, in the recipient's time zone
 * @param windowRules stricter hours by country, or country and region (US state); empty:
 * the built-in rules (FL, CT, MD, OK, WA 08:00-20:00; France Monday-Saturday 08:00-22:00
 * without public holidays)
 * @param launchBatch recipients written per batch at launch
 */
@ConfigurationProperties("sms.campaign")
public record CampaignProperties(@DefaultValue("Reply STOP to opt out") String optOutLine,
        java.util.Map<String, String> optOutLines, @DefaultValue("3") int maxSegments,
        @DefaultValue FrequencyCap frequencyCap, @DefaultValue Window window, List<WindowRule> windowRules,
        @DefaultValue("20000") int launchBatch) {

    public CampaignProperties {
        if (optOutLines == null || optOutLines.isEmpty()) {
            optOutLines = java.util.Map.of("DE", "Antworte STOP zum Abmelden", "FR",
                    "Répondez STOP pour ne plus recevoir de SMS", "ES", "Responde STOP para darte de baja");
        }
        if (windowRules == null || windowRules.isEmpty()) {
            Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
            LocalTime eight = LocalTime.of(8, 0);
            windowRules = List.of(new WindowRule("US", "FL", eight, LocalTime.of(20, 0), everyDay, false),
                    new WindowRule("US", "CT", eight, LocalTime.of(20, 0), everyDay, false),
                    new WindowRule("US", "MD", eight, LocalTime.of(20, 0), everyDay, false),
                    new WindowRule("US", "OK", eight, LocalTime.of(20, 0), everyDay, false),
                    new WindowRule("US", "WA", eight, LocalTime.of(20, 0), everyDay, false), new WindowRule("FR", null,
                            eight, LocalTime.of(22, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), true));
        }
    }

    /** The opt-out line for a recipient in a country. */
    public String optOutLineFor(String country) {
        return (country != null)
                ? this.optOutLines.getOrDefault(country.toUpperCase(java.util.Locale.ROOT), this.optOutLine)
                : this.optOutLine;
    }

    /**
     * @param messages campaign messages a contact may get within the window (0: no cap)
     * @param window the rolling window
     */
    public record FrequencyCap(@DefaultValue("1") int messages, @DefaultValue("16h") Duration window) {

    }

    /** Allowed hours, every day: 08:00-21:00 by default (US federal guidance). */
    public record Window(@DefaultValue("08:00") LocalTime start, @DefaultValue("21:00") LocalTime end) {

    }

    /**
     * Allowed hours for a country, or a country's region (a US state's code).
     *
     * @param noHolidays no messages on the country's public holidays
     */
    public record WindowRule(String country, String region, LocalTime start, LocalTime end, Set<DayOfWeek> days,
            boolean noHolidays) {

    }

}
