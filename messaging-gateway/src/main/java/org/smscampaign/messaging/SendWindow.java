package org.smscampaign.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hours a recipient may be texted, in their own time zone: daily from {@code start}
 * to {@code end} on the allowed days. Checked again when a message is claimed; outside
 * it, a message waits for the next opening (HOLD) or is not sent (SKIP).
 */
public record SendWindow(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days, Policy policy) {

    /** What happens to a message that comes due outside the window. */
    public enum Policy {

        HOLD, SKIP

    }

    public SendWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A send window starts before it ends: " + start + "-" + end);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A send window needs at least one day");
        }
        days = Set.copyOf(days);
    }

    /**
     * Every day from 08:00 to 21:00 local time (US federal guidance), holding messages.
     */
    public static SendWindow daytime(ZoneId zone) {
        return new SendWindow(zone, LocalTime.of(8, 0), LocalTime.of(21, 0), EnumSet.allOf(DayOfWeek.class),
                Policy.HOLD);
    }

    public boolean allows(Instant moment) {
        ZonedDateTime local = moment.atZone(this.zone);
        LocalTime time = local.toLocalTime();
        return this.days.contains(local.getDayOfWeek()) && !time.isBefore(this.start) && time.isBefore(this.end);
    }

    /** The moment itself when allowed, else the next opening of the window. */
    public Instant nextOpening(Instant moment) {
        if (allows(moment)) {
            return moment;
        }
        ZonedDateTime local = moment.atZone(this.zone);
        ZonedDateTime candidate = local.toLocalTime().isBefore(this.start) ? local.with(this.start)
                : local.toLocalDate().plusDays(1).atTime(this.start).atZone(this.zone);
        for (int i = 0; i < 8 && !this.days.contains(candidate.getDayOfWeek()); i++) {
            candidate = candidate.toLocalDate().plusDays(1).atTime(this.start).atZone(this.zone);
        }
        return candidate.toInstant();
    }

    /** The allowed days as bits, Monday first (for storage). */
    public int dayBits() {
        int bits = 0;
        for (DayOfWeek day : this.days) {
            bits |= 1 << (day.getValue() - 1);
        }
        return bits;
    }

    /** A window read back from storage. */
    public static SendWindow of(String zone, int startMinute, int endMinute, int dayBits, String policy) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((dayBits & (1 << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return new SendWindow(ZoneId.of(zone), LocalTime.ofSecondOfDay(startMinute * 60L),
                (endMinute >= 24 * 60) ? LocalTime.MAX : LocalTime.ofSecondOfDay(endMinute * 60L), days,
                Policy.valueOf(policy));
    }

    public int startMinute() {
        return this.start.getHour() * 60 + this.start.getMinute();
    }

    public int endMinute() {
        return this.end.equals(LocalTime.MAX) ? 24 * 60 : this.end.getHour() * 60 + this.end.getMinute();
    }

}
