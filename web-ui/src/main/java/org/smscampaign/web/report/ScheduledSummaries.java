package org.smscampaign.web.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smscampaign.report.ReportHistory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails each finished period's summary at the configured hour in the account's zone:
 * daily for yesterday, weekly on Mondays for last week, monthly on the 1st for last month
 * (the kinds switched on). Every instance looks often; the first to claim a period sends
 * it, so it goes out once however many run, and one missed while none ran goes out late,
 * within the catch-up window.
 */
@Component
class ScheduledSummaries {

    /** A summary this run produced. */
    record Produced(SummaryPeriod period, ReportHistory.Delivery delivery) {

    }

    private final Summaries summaries;

    private final SummaryMailer mailer;

    private final ReportHistory history;

    private final ReportSettings settings;

    private final ReportProperties properties;

    private final Clock clock;

    ScheduledSummaries(Summaries summaries, SummaryMailer mailer, ReportHistory history, ReportSettings settings,
            ReportProperties properties, Clock clock) {
        this.summaries = summaries;
        this.mailer = mailer;
        this.history = history;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sms.report.check-every:1m}", initialDelayString = "${sms.report.check-every:1m}")
    void check() {
        runAt(this.clock.instant());
    }

    /** Produces every summary due at that instant and not claimed yet, oldest first. */
    List<Produced> runAt(Instant now) {
        SummarySettings current = this.settings.current();
        List<Produced> produced = new ArrayList<>();
        for (SummaryKind kind : current.kinds()) {
            for (SummaryPeriod period : SummaryPeriod.due(kind, now, current.zone(), current.hour(),
                    this.properties.catchUp())) {
                produce(period).ifPresent((delivery) -> produced.add(new Produced(period, delivery)));
            }
        }
        return produced;
    }

    /**
     * Produces a period's summary unless it was claimed already; its outcome, if
     * produced.
     */
    Optional<ReportHistory.Delivery> produce(SummaryPeriod period) {
        return this.history.claim(period.kind().name(), period.start(), period.end())
            .map((id) -> this.mailer.produce(id, this.summaries.document(period)));
    }

}
