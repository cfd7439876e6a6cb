package org.smscampaign.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every summary report that was produced: when, for which period, for whom, whether the
 * e-mail went out, and the report itself as it was sent. A scheduled one (daily, weekly,
 * monthly) is claimed once per period, so that of several instances only one sends it.
 */
@Service
public class ReportHistory {

    /** Whether a report reached its recipients. */
    public enum Delivery {

        /** Being produced. */
        PENDING,

        /** E-mailed to its recipients. */
        SENT,

        /** Not e-mailed: no SMTP server or no recipients configured (kept here only). */
        NOT_SENT,

        /** The SMTP server refused it. */
        FAILED

    }

    /** One produced report. */
    public record Entry(long id, String kind, Instant from, Instant to, Instant generatedAt, String generatedBy,
            String recipients, Delivery delivery, String detail) {

    }

    private final JdbcClient jdbc;

    ReportHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the daily report of a period: its id, or empty when it was claimed already
     * (by this or another instance).
     */
    @Transactional
    public Optional<Long> claimDaily(Instant from, Instant to) {
        return claim("DAILY", from, to);
    }

    /**
     * Claims the scheduled report of a kind (DAILY, WEEKLY, MONTHLY) for the period
     * starting at from: its id, or empty when this or another instance claimed it
     * already. A claim left pending for 15 minutes (its instance died while producing it)
     * is taken over.
     */
    @Transactional
    public Optional<Long> claim(String kind, Instant from, Instant to) {
        return this.jdbc.sql("""
                insert into report_run (kind, period_from, period_to, generated_by, delivery)
                values (:kind, :from, :to, 'schedule', 'PENDING')
                on conflict (kind, period_from) where kind <> 'ON_DEMAND' do update set generated_at = now()
                where report_run.delivery = 'PENDING' and report_run.generated_at < now() - interval '15 minutes'
                returning id""")
            .param("kind", kind)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Long.class)
            .optional();
    }

    /** Starts an on-demand report. */
    @Transactional
    public long start(Instant from, Instant to, String by) {
        return this.jdbc.sql("""
                insert into report_run (kind, period_from, period_to, generated_by, delivery)
                values ('ON_DEMAND', :from, :to, :by, 'PENDING') returning id""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("by", by)
            .query(Long.class)
            .single();
    }

    /** Records the report as produced, and whether it was e-mailed. */
    @Transactional
    public void finish(long id, String html, List<String> recipients, Delivery delivery, String detail) {
        this.jdbc.sql("""
                update report_run set html = :html, recipients = :recipients, delivery = :delivery, detail = :detail,
                    generated_at = now() where id = :id""")
            .param("html", html)
            .param("recipients", String.join(", ", recipients))
            .param("delivery", delivery.name())
            .param("detail", detail)
            .param("id", id)
            .update();
    }

    @Transactional(readOnly = true)
    public List<Entry> recent(int limit) {
        return this.jdbc.sql("select * from report_run order by id desc limit :limit")
            .param("limit", limit)
            .query(ReportHistory::entry)
            .list();
    }

    /** The report as it was produced (HTML), if it was. */
    @Transactional(readOnly = true)
    public Optional<String> html(long id) {
        return this.jdbc.sql("select html from report_run where id = :id and html is not null")
            .param("id", id)
            .query(String.class)
            .optional();
    }

    private static Entry entry(ResultSet row, int n) throws SQLException {
        return new Entry(row.getLong("id"), row.getString("kind"), row.getTimestamp("period_from").toInstant(),
                row.getTimestamp("period_to").toInstant(), row.getTimestamp("generated_at").toInstant(),
                row.getString("generated_by"), row.getString("recipients"), Delivery.valueOf(row.getString("delivery")),
                row.getString("detail"));
    }

}
