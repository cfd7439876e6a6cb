package org.smscampaign.web.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.smscampaign.alert.Alerts;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.report.PeriodSummary;
import org.smscampaign.report.SummaryReports;

import org.springframework.stereotype.Service;

/**
 * Daily, weekly and monthly summaries in the account's time zone: the one place that
 * turns a kind and a day into a period and the period into its {@link SummaryDocument}.
 */
@Service
public class Summaries {

    private final SummaryReports reports;

    private final Alerts alerts;

    private final ReportSettings settings;

    private final Clock clock;

    private final ReplicaReads replica;

    Summaries(SummaryReports reports, Alerts alerts, ReportSettings settings, Clock clock, ReplicaReads replica) {
        this.replica = replica;
        this.reports = reports;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The account's zone (Admin > Reports, else sms.report.time-zone). */
    public ZoneId zone() {
        return this.settings.current().zone();
    }

    /** Today in the account's zone. */
    public LocalDate today() {
        return LocalDate.now(this.clock.withZone(zone()));
    }

    /** The period of a kind holding the day (today when null), in the account's zone. */
    public SummaryPeriod period(SummaryKind kind, LocalDate day) {
        return SummaryPeriod.containing(kind, (day != null) ? day : today(), zone());
    }

    public SummaryDocument document(SummaryKind kind, LocalDate day) {
        return document(period(kind, day));
    }

    /** A range of days picked by hand (both inclusive), in the account's zone. */
    public SummaryDocument range(ReportRange range) {
        ZoneId zone = zone();
        Instant start = range.start(zone);
        Instant end = range.end(zone);
        PeriodSummary summary = this.replica.read(() -> this.reports.summary(start, end));
        return new SummaryDocument(null, range.from(), range.to(), zone.getId(), start, end,
                "Summary · " + range.label(), range.label(), !end.isAfter(this.clock.instant()), summary,
                this.alerts.raisedBetween(start, end));
    }

    /**
     * The days from..to as the daily, weekly or monthly summary they are exactly, else as
     * a range (a shared link keeps only its days).
     */
    public SummaryDocument days(LocalDate from, LocalDate to) {
        for (SummaryKind kind : SummaryKind.values()) {
            SummaryPeriod period = period(kind, from);
            if (period.first().equals(from) && period.last().equals(to)) {
                return document(period);
            }
        }
        return range(new ReportRange(from, to));
    }

    public SummaryDocument document(SummaryPeriod period) {
        PeriodSummary summary = this.replica.read(() -> this.reports.summary(period.start(), period.end()));
        return new SummaryDocument(period.kind(), period.first(), period.last(), period.zone().getId(), period.start(),
                period.end(), period.title(), period.label(), period.over(this.clock.instant()), summary,
                this.alerts.raisedBetween(period.start(), period.end()));
    }

}
