package org.smscampaign.web.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * How the account's summaries are made and sent.
 *
 * @param zone where a day, week and month start and end
 * @param hour the local hour at which a finished period's summary is e-mailed
 * @param recipients who gets them
 * @param kinds which kinds are e-mailed
 * @param changedBy the admin who saved them, or null for the configured defaults
 * @param changedAt when, or null
 */
public record SummarySettings(ZoneId zone, int hour, List<String> recipients, Set<SummaryKind> kinds, String changedBy,
        Instant changedAt) {

    /** Whether these are the configured defaults (sms.report.*), not an admin's. */
    public boolean defaults() {
        return this.changedBy == null;
    }

}
