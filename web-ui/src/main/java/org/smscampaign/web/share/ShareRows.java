package org.smscampaign.web.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The share_link table. */
@Repository
class ShareRows {

    private static final String COLUMNS = "id, kind, campaign_id, summary_from, summary_to, title, label, created_by, "
            + "created_at, expires_at, revoked_at, revoked_by, last_opened_at, open_count";

    private final JdbcClient jdbc;

    ShareRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row as stored. */
    record Row(long id, ShareLink.Kind kind, Long campaignId, LocalDate summaryFrom, LocalDate summaryTo, String title,
            String label, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy,
            Instant lastOpenedAt, long openCount) {

    }

    long insert(ShareLink.Kind kind, Long campaignId, LocalDate from, LocalDate to, String title, String label,
            String by, Instant at, Instant expiresAt) {
        return this.jdbc
            .sql("insert into share_link (kind, campaign_id, summary_from, summary_to, title, label, created_by, "
                    + "created_at, expires_at) values (:kind, :campaign, :from, :to, :title, :label, :by, :at, "
                    + ":expires) returning id")
            .param("kind", kind.name())
            .param("campaign", campaignId)
            .param("from", from)
            .param("to", to)
            .param("title", title)
            .param("label", label)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("expires", Timestamp.from(expiresAt))
            .query(Long.class)
            .single();
    }

    Optional<Row> find(long id) {
        return this.jdbc.sql("select " + COLUMNS + " from share_link where id = :id")
            .param("id", id)
            .query(ShareRows::row)
            .optional();
    }

    /** The newest first, optionally only those of one campaign. */
    List<Row> recent(Long campaignId, int limit) {
        return this.jdbc
            .sql("select " + COLUMNS + " from share_link where (cast(:campaign as bigint) is null or campaign_id = "
                    + ":campaign) order by created_at desc, id desc limit :limit")
            .param("campaign", campaignId)
            .param("limit", limit)
            .query(ShareRows::row)
            .list();
    }

    /** Whether the link was active and is revoked now. */
    boolean revoke(long id, String by, Instant at) {
        return this.jdbc
            .sql("update share_link set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
            .param("id", id)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update() == 1;
    }

    void opened(long id, Instant at) {
        this.jdbc
            .sql("update share_link set open_count = open_count + 1, last_opened_at = greatest(last_opened_at, :at) "
                    + "where id = :id")
            .param("id", id)
            .param("at", Timestamp.from(at))
            .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long campaignId = rs.getLong("campaign_id");
        Long campaign = rs.wasNull() ? null : campaignId;
        return new Row(rs.getLong("id"), ShareLink.Kind.valueOf(rs.getString("kind")), campaign,
                rs.getObject("summary_from", LocalDate.class), rs.getObject("summary_to", LocalDate.class),
                rs.getString("title"), rs.getString("label"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("revoked_by"),
                instant(rs, "last_opened_at"), rs.getLong("open_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return (value != null) ? value.toInstant() : null;
    }

}
