package org.smscampaign.web.report;

import java.util.Locale;

/** The periods a summary covers: a day, an ISO week (Monday first), a calendar month. */
public enum SummaryKind {

    DAILY("Daily", "day"), WEEKLY("Weekly", "week"), MONTHLY("Monthly", "month");

    private final String label;

    private final String unit;

    SummaryKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** What one period is called: day, week, month. */
    public String unit() {
        return this.unit;
    }

    /** As it reads in titles: Daily, Weekly, Monthly. */
    public String label() {
        return this.label;
    }

    /** As it is written in addresses and settings: daily, weekly, monthly. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a slug names (any case). */
    public static SummaryKind of(String slug) {
        for (SummaryKind kind : values()) {
            if (kind.name().equalsIgnoreCase(slug)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("A summary is daily, weekly or monthly, not “" + slug + "”.");
    }

}
