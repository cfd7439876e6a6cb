package org.smscampaign.web.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.smscampaign.alert.AlertView;
import org.smscampaign.report.PeriodSummary;

/**
 * One summary as the page, the PDF, the e-mail, the REST API and a shared link show it:
 * the period in the account's zone, its figures per campaign with the bottom line (the
 * total), the goals as they stand or as judged, and the alerts raised in it.
 *
 * @param kind daily, weekly or monthly; null for a range of days picked by hand
 * @param first its first day, in the zone
 * @param last its last day, inclusive
 * @param timeZone the account's zone the days are in
 * @param from local midnight at its start
 * @param to local midnight after its end
 * @param complete whether the period had ended when the summary was made (else: so far)
 * @param summary the figures; {@code summary.total()} is the bottom line
 * @param alerts alerts raised in the period, oldest first
 */
public record SummaryDocument(SummaryKind kind, LocalDate first, LocalDate last, String timeZone, Instant from,
        Instant to, String title, String label, boolean complete, PeriodSummary summary, List<AlertView> alerts) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An instant as a local date and time in the account's zone. */
    public String local(Instant at) {
        return (at != null) ? LOCAL.format(at.atZone(ZoneId.of(this.timeZone))) : "";
    }

    /**
     * A name for its files, without extension: weekly-2026-W13,
     * summary-2026-03-01-2026-03-09.
     */
    public String fileName() {
        return (this.kind != null)
                ? new SummaryPeriod(this.kind, this.first, this.last, ZoneId.of(this.timeZone)).fileName()
                : "summary-" + this.first + "-" + this.last;
    }

    /** Whether any campaign in it has a goal. */
    public boolean hasGoals() {
        return this.summary.campaigns().stream().anyMatch((c) -> c.goals() != null && !c.goals().isEmpty());
    }

}
