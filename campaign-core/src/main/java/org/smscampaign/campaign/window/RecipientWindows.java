package org.smscampaign.campaign.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.messaging.SendWindow;

import org.springframework.stereotype.Component;

/**
 * The hours each recipient may be texted, in their own time zone: the default window, or
 * the rule for their country (and US state), without public holidays where the rule says
 * so (holiday calendars: Jollyday). Computes when a message is due.
 */
@Component
public class RecipientWindows {

    private static final Map<String, String> US_STATES = Map.of("florida", "FL", "connecticut", "CT", "maryland", "MD",
            "oklahoma", "OK", "washington", "WA");

    private final CampaignProperties properties;

    private final Map<String, HolidayManager> holidays = new ConcurrentHashMap<>();

    RecipientWindows(CampaignProperties properties) {
        this.properties = properties;
    }

    /** A recipient's allowed hours, and whether their country's holidays are off. */
    public record Rule(SendWindow window, String holidayCountry) {

    }

    /** The rule for a recipient in a country and region, in a time zone. */
    public Rule ruleFor(String country, String region, ZoneId zone, SendWindow.Policy policy) {
        String code = (country != null) ? country.toUpperCase(Locale.ROOT) : "";
        String state = stateCode(region);
        CampaignProperties.WindowRule match = null;
        for (CampaignProperties.WindowRule rule : this.properties.windowRules()) {
            if (!rule.country().equalsIgnoreCase(code)) {
                continue;
            }
            if (rule.region() != null && rule.region().equalsIgnoreCase(state)) {
                match = rule;
                break;
            }
            if (rule.region() == null && match == null) {
                match = rule;
            }
        }
        if (match == null) {
            return new Rule(new SendWindow(zone, this.properties.window().start(), this.properties.window().end(),
                    EnumSet.allOf(DayOfWeek.class), policy), null);
        }
        return new Rule(new SendWindow(zone, match.start(), match.end(), EnumSet.copyOf(match.days()), policy),
                match.noHolidays() ? code : null);
    }

    private static String stateCode(String region) {
        if (region == null) {
            return "";
        }
        String trimmed = region.strip();
        return US_STATES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed.toUpperCase(Locale.ROOT));
    }

    /** Whether the rule allows texting at that moment (hours, days and holidays). */
    public boolean allows(Rule rule, Instant moment) {
        return rule.window().allows(moment) && !holiday(rule, moment);
    }

    /** The first moment at or after the given one that the rule allows. */
    public Instant nextAllowed(Rule rule, Instant moment) {
        Instant candidate = rule.window().nextOpening(moment);
        for (int i = 0; i < 30 && holiday(rule, candidate); i++) {
            LocalDate nextDay = candidate.atZone(rule.window().zone()).toLocalDate().plusDays(1);
            candidate = rule.window().nextOpening(nextDay.atStartOfDay(rule.window().zone()).toInstant());
        }
        return candidate;
    }

    private boolean holiday(Rule rule, Instant moment) {
        if (rule.holidayCountry() == null) {
            return false;
        }
        LocalDate day = moment.atZone(rule.window().zone()).toLocalDate();
        return this.holidays
            .computeIfAbsent(rule.holidayCountry(),
                    (country) -> HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT))))
            .isHoliday(day);
    }

    /**
     * When a recipient's message is due: the scheduled moment (or local time), moved to
     * the next allowed moment when it falls outside the rule (HOLD); null when it falls
     * outside and the campaign skips such recipients.
     */
    public Instant due(Rule rule, Instant scheduled) {
        if (allows(rule, scheduled)) {
            return scheduled;
        }
        return (rule.window().policy() == SendWindow.Policy.SKIP) ? null : nextAllowed(rule, scheduled);
    }

    /**
     * A local date and time in a recipient's zone, as a moment (DST gaps move forward).
     */
    public static Instant localMoment(LocalDate date, java.time.LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

}
