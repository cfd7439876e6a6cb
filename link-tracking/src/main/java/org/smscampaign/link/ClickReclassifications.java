package org.smscampaign.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.smscampaign.link.reclassification.ReclassificationJobs;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reclassification of stored hits, for when the rules or the library changed: an admin
 * names a range of days, and a background job recomputes each hit's verdict in it; click
 * figures and conversions' attribution follow. One runs at a time.
 */
@Service
public class ClickReclassifications {

    /** A year of days at most: longer ranges are several requests. */
    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;

    private final ReclassificationJobs jobs;

    private final Clock clock;

    ClickReclassifications(JdbcClient jdbc, ReclassificationJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Starts reclassifying the hits of these days (UTC, both included) in the background.
     */
    public ReclassificationView start(LocalDate fromDay, LocalDate toDay, String requestedBy) {
        if (fromDay == null || toDay == null) {
            throw invalid("A reclassification needs the first and the last day.");
        }
        if (toDay.isBefore(fromDay)) {
            throw invalid("The last day comes before the first.");
        }
        if (fromDay.isAfter(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)))) {
            throw invalid("The range lies in the future: there are no hits to reclassify yet.");
        }
        if (ChronoUnit.DAYS.between(fromDay, toDay) >= MAX_DAYS) {
            throw invalid("At most " + MAX_DAYS + " days at once.");
        }
        long id;
        try {
            id = this.jdbc.sql("""
                    insert into click_reclassification (requested_by, from_day, to_day, next_day)
                    values (:by, :from, :to, :from) returning id""")
                .param("by", (requestedBy.length() <= 64) ? requestedBy : requestedBy.substring(0, 64))
                .param("from", fromDay)
                .param("to", toDay)
                .query(Long.class)
                .single();
        }
        catch (DuplicateKeyException ex) {
            throw new LinkProblem(LinkProblem.Kind.CONFLICT,
                    "A reclassification is under way: start the next when it has finished.");
        }
        this.jobs.submit(id);
        return get(id);
    }

    public ReclassificationView get(long id) {
        return this.jdbc.sql("select * from click_reclassification where id = :id")
            .param("id", id)
            .query(ClickReclassifications::view)
            .optional()
            .orElseThrow(() -> new LinkProblem(LinkProblem.Kind.NOT_FOUND, "No such reclassification."));
    }

    /** The latest reclassifications, newest first. */
    public List<ReclassificationView> recent(int limit) {
        return this.jdbc.sql("select * from click_reclassification order by id desc limit :limit")
            .param("limit", limit)
            .query(ClickReclassifications::view)
            .list();
    }

    private static ReclassificationView view(ResultSet row, int n) throws SQLException {
        return new ReclassificationView(row.getLong("id"), row.getString("requested_by"),
                instant(row.getTimestamp("requested_at")), row.getObject("from_day", LocalDate.class),
                row.getObject("to_day", LocalDate.class), row.getString("status"),
                instant(row.getTimestamp("started_at")), instant(row.getTimestamp("finished_at")), row.getInt("agents"),
                row.getLong("hits_examined"), row.getLong("to_person"), row.getLong("to_not_person"),
                row.getInt("conversions_changed"), row.getString("error"));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    private static LinkProblem invalid(String message) {
        return new LinkProblem(LinkProblem.Kind.INVALID, message);
    }

}
