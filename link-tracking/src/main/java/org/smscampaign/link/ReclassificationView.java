package org.smscampaign.link;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reclassification of stored hits and how far it got.
 *
 * @param id its id
 * @param requestedBy who asked for it
 * @param requestedAt when
 * @param fromDay first day of the range (UTC)
 * @param toDay last day of the range (UTC, included)
 * @param status QUEUED, RUNNING, DONE or FAILED
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param agents distinct user agents classified
 * @param hitsExamined hits looked at so far
 * @param toPerson hits now counted as a person's that were not before
 * @param toNotPerson hits counted as a person's before that are not now
 * @param conversionsChanged conversions whose attribution changed with the hits
 * @param error why it failed
 */
public record ReclassificationView(long id, String requestedBy, Instant requestedAt, LocalDate fromDay, LocalDate toDay,
        String status, Instant startedAt, Instant finishedAt, int agents, long hitsExamined, long toPerson,
        long toNotPerson, int conversionsChanged, String error) {

    public boolean open() {
        return "QUEUED".equals(this.status) || "RUNNING".equals(this.status);
    }

}
