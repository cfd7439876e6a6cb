package org.smscampaign.web.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The days one summary covers in the account's time zone: from local midnight of the
 * first day to local midnight after the last, so a day across a daylight-saving change
 * lasts 23 or 25 hours.
 *
 * @param first the first day (a Monday for a week, the 1st for a month)
 * @param last the last day, inclusive
 */
public record SummaryPeriod(SummaryKind kind, LocalDate first, LocalDate last, ZoneId zone) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** The period of this kind that holds the day. */
    public static SummaryPeriod containing(SummaryKind kind, LocalDate day, ZoneId zone) {
        return switch (kind) {
            case DAILY -> new SummaryPeriod(kind, day, day, zone);
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new SummaryPeriod(kind, monday, monday.plusDays(6), zone);
            }
            case MONTHLY ->
                new SummaryPeriod(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()), zone);
        };
    }

    /**
     * The periods whose e-mail fell due at the hour after they ended, in the catch-up
     * window before now (a missed run is made good), oldest first.
     */
    public static List<SummaryPeriod> due(SummaryKind kind, Instant now, ZoneId zone, int hour, Duration catchUp) {
        List<SummaryPeriod> due = new ArrayList<>();
        Instant oldest = now.minus(catchUp);
        SummaryPeriod period = containing(kind, LocalDate.ofInstant(now, zone), zone);
        for (int i = 0; i < 400; i++) {
            Instant sendAt = period.sendAt(hour);
            if (!sendAt.isAfter(oldest)) {
                break;
            }
            if (!sendAt.isAfter(now)) {
                due.add(period);
            }
            period = period.previous();
        }
        Collections.reverse(due);
        return due;
    }

    /** Local midnight at the start of the first day. */
    public Instant start() {
        return this.first.atStartOfDay(this.zone).toInstant();
    }

    /** Local midnight after the last day. */
    public Instant end() {
        return this.last.plusDays(1).atStartOfDay(this.zone).toInstant();
    }

    /** How long it lasts (a day across a daylight-saving change: 23 or 25 hours). */
    public Duration length() {
        return Duration.between(start(), end());
    }

    /** When its e-mail is due: the given hour of the day after it, local time. */
    public Instant sendAt(int hour) {
        return this.last.plusDays(1).atTime(hour, 0).atZone(this.zone).toInstant();
    }

    public SummaryPeriod previous() {
        return containing(this.kind, this.first.minusDays(1), this.zone);
    }

    public SummaryPeriod next() {
        return containing(this.kind, this.last.plusDays(1), this.zone);
    }

    /** Whether it has ended by the given instant. */
    public boolean over(Instant now) {
        return !end().isAfter(now);
    }

    /** How the period reads: “Monday 30 March 2026”, “Week 14 of 2026”, “March 2026”. */
    public String label() {
        return switch (this.kind) {
            case DAILY -> DAY.format(this.first);
            case WEEKLY -> "Week " + this.first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " of "
                    + this.first.get(IsoFields.WEEK_BASED_YEAR) + " (" + this.first + " to " + this.last + ")";
            case MONTHLY -> MONTH.format(this.first);
        };
    }

    /** A short name for buttons: “2026-03-29”, “Week 13, 2026”, “March 2026”. */
    public String shortLabel() {
        return switch (this.kind) {
            case DAILY -> this.first.toString();
            case WEEKLY -> "Week " + this.first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", "
                    + this.first.get(IsoFields.WEEK_BASED_YEAR);
            case MONTHLY -> MONTH.format(this.first);
        };
    }

    /** The title of its report, e-mail subject and PDF. */
    public String title() {
        return this.kind.label() + " summary · " + label();
    }

    /** A short name for files: daily-2026-03-29, weekly-2026-W13, monthly-2026-03. */
    public String fileName() {
        return switch (this.kind) {
            case DAILY -> "daily-" + this.first;
            case WEEKLY -> String.format(Locale.ROOT, "weekly-%d-W%02d", this.first.get(IsoFields.WEEK_BASED_YEAR),
                    this.first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> "monthly-" + this.first.toString().substring(0, 7);
        };
    }

}
