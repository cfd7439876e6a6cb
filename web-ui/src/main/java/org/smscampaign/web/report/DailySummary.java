package org.smscampaign.web.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.smscampaign.report.ReportHistory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily summary of the previous day (UTC) for managers, produced once per day however
 * many instances run: the first to claim the day produces it.
 */
@Component
class DailySummary {

    private final SummaryMailer mailer;

    private final ReportHistory history;

    private final Clock clock;

    DailySummary(SummaryMailer mailer, ReportHistory history, Clock clock) {
        this.mailer = mailer;
        this.history = history;
        this.clock = clock;
    }

    @Scheduled(cron = "${sms.report.daily-cron:0 0 6 * * *}", zone = "UTC")
    void previousDay() {
        produce(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(1));
    }

    /**
     * Produces the summary of a day unless it was produced already; its outcome, if
     * produced.
     */
    java.util.Optional<ReportHistory.Delivery> produce(LocalDate day) {
        return this.history
            .claimDaily(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
            .map((id) -> this.mailer.produce(id, day, day, "Daily summary " + day + " (UTC)"));
    }

}
