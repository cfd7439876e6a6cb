package org.smscampaign.web.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The days a summary report covers, in the account's zone, both inclusive: what the page,
 * its CSV and the REST API read. With no day given it is the last 7 days up to today
 * (yesterday alone is often empty).
 */
public record ReportRange(LocalDate from, LocalDate to) {

    /** The longest range a report covers. */
    public static final int LONGEST_DAYS = 366;

    /**
     * A range with either end missing filled in: the last 7 days, or the one day given.
     */
    public static ReportRange of(LocalDate from, LocalDate to, LocalDate today) {
        if (from == null && to == null) {
            return new ReportRange(today.minusDays(6), today);
        }
        LocalDate first = (from != null) ? from : to;
        return new ReportRange(first, (to != null) ? to : first);
    }

    /** Why this range cannot be reported, in words for the page, or null. */
    public String problem() {
        if (this.to.isBefore(this.from)) {
            return "The range ends before it starts: pick a “to” day on or after the “from” day.";
        }
        if (this.from.plusDays(LONGEST_DAYS).isBefore(this.to)) {
            return "A report covers at most " + LONGEST_DAYS + " days: pick a shorter range.";
        }
        return null;
    }

    /** Local midnight at the start of the first day, in the account's zone. */
    public Instant start(ZoneId zone) {
        return this.from.atStartOfDay(zone).toInstant();
    }

    /** Local midnight after the last day, in the account's zone. */
    public Instant end(ZoneId zone) {
        return this.to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** How the range reads on the page and in file names. */
    public String label() {
        return this.from.equals(this.to) ? this.from.toString() : this.from + " to " + this.to;
    }

    /** One of the ranges offered as a single click. */
    public record Shortcut(String id, String label, ReportRange range) {

    }

    /** Today, yesterday, the last 7 and 30 days, this month and last month. */
    public static List<Shortcut> shortcuts(LocalDate today) {
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate lastMonthStart = monthStart.minusMonths(1);
        return List.of(new Shortcut("today", "Today", new ReportRange(today, today)),
                new Shortcut("yesterday", "Yesterday", new ReportRange(today.minusDays(1), today.minusDays(1))),
                new Shortcut("last-7-days", "Last 7 days", new ReportRange(today.minusDays(6), today)),
                new Shortcut("last-30-days", "Last 30 days", new ReportRange(today.minusDays(29), today)),
                new Shortcut("this-month", "This month", new ReportRange(monthStart, today)),
                new Shortcut("last-month", "Last month", new ReportRange(lastMonthStart, monthStart.minusDays(1))));
    }

}
