package org.smscampaign.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the alert history: what summaries, dashboards and the notification centre show.
 */
@Component
public class Alerts {

    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {
    };

    private static final String COLUMNS = "select id, rule, campaign_id, campaign_name, subject, severity, title, "
            + "figures::text as figures, raised_at, resolved_at, resolved_figures::text as resolved_figures, mail_outcome, mail_detail from alert ";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    Alerts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Alerts raised in [from, to), oldest first. */
    public List<AlertView> raisedBetween(Instant from, Instant to) {
        return this.jdbc.sql(COLUMNS + "where raised_at >= :from and raised_at < :to order by raised_at, id")
            .param("from", java.sql.Timestamp.from(from))
            .param("to", java.sql.Timestamp.from(to))
            .query(this::row)
            .list();
    }

    /** A campaign's alerts, newest first. */
    public List<AlertView> ofCampaign(long campaignId) {
        return this.jdbc.sql(COLUMNS + "where campaign_id = :id order by raised_at desc, id desc")
            .param("id", campaignId)
            .query(this::row)
            .list();
    }

    /** Alerts still open, newest first. */
    public List<AlertView> open() {
        return this.jdbc.sql(COLUMNS + "where resolved_at is null order by raised_at desc, id desc")
            .query(this::row)
            .list();
    }

    /** One alert. */
    public java.util.Optional<AlertView> find(long id) {
        return this.jdbc.sql(COLUMNS + "where id = :id").param("id", id).query(this::row).optional();
    }

    /**
     * The newest alerts, optionally only open ones or those of one campaign.
     * @param open true: open only; false: resolved only; null: both
     */
    public List<AlertView> recent(Boolean open, Long campaignId, int limit) {
        StringBuilder where = new StringBuilder("where true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (open != null) {
            where.append(open ? " and resolved_at is null" : " and resolved_at is not null");
        }
        if (campaignId != null) {
            where.append(" and campaign_id = :campaign");
            params.put("campaign", campaignId);
        }
        params.put("limit", limit);
        return this.jdbc.sql(COLUMNS + where + " order by raised_at desc, id desc limit :limit")
            .params(params)
            .query(this::row)
            .list();
    }

    /** The id of the newest alert, 0 without any. */
    public long latestId() {
        return this.jdbc.sql("select coalesce(max(id), 0) from alert").query(Long.class).single();
    }

    /** How many alerts were raised after the one with this id (unread ones). */
    public long countAfter(long id) {
        return this.jdbc.sql("select count(*) from alert where id > :id").param("id", id).query(Long.class).single();
    }

    private AlertView row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp resolved = rs.getTimestamp("resolved_at");
        String resolvedFigures = rs.getString("resolved_figures");
        long campaign = rs.getLong("campaign_id");
        return new AlertView(rs.getLong("id"), rs.getString("rule"), rs.wasNull() ? null : campaign,
                rs.getString("campaign_name"), rs.getString("subject"), rs.getString("severity"), rs.getString("title"),
                this.json.readValue(rs.getString("figures"), FIGURES), rs.getTimestamp("raised_at").toInstant(),
                (resolved != null) ? resolved.toInstant() : null,
                (resolvedFigures != null) ? this.json.readValue(resolvedFigures, FIGURES) : null,
                rs.getString("mail_outcome"), rs.getString("mail_detail"));
    }

}
