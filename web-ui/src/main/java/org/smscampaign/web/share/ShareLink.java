package org.smscampaign.web.share;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A read-only link as its makers see it.
 *
 * @param kind CAMPAIGN (a campaign's dashboard) or SUMMARY (the summary of a range of
 * days)
 * @param campaignId the campaign shown, for CAMPAIGN
 * @param summaryFrom the first day shown (account zone), for SUMMARY
 * @param summaryTo the last day shown, inclusive, for SUMMARY
 * @param title what it showed when made: the campaign's name or the period
 * @param label the maker's note on whom it is for, or null
 * @param status ACTIVE, EXPIRED or REVOKED, now
 * @param url the address to hand out
 */
public record ShareLink(long id, Kind kind, Long campaignId, LocalDate summaryFrom, LocalDate summaryTo, String title,
        String label, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy,
        Instant lastOpenedAt, long openCount, Status status, String url) {

    /** What a link shows. */
    public enum Kind {

        CAMPAIGN, SUMMARY

    }

    /** Whether a link still opens. */
    public enum Status {

        ACTIVE, EXPIRED, REVOKED

    }

    public boolean active() {
        return this.status == Status.ACTIVE;
    }

}
