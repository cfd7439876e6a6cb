package org.smscampaign.alert.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.smscampaign.alert.rules.Reading;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the alert history: an alert raised at most once while open (the partial unique
 * index {@code alert_open_once} decides between instances), resolved once.
 */
@Component
public class AlertStore {

    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JsonMapper json;

    AlertStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An alert open now. */
    public record Open(long id, String rule, String subject, String severity, String title,
            Map<String, Object> figures) {

        String key() {
            return this.rule + "\u0000" + this.subject;
        }

    }

    /** Stores a condition that holds; empty when it is open already. */
    public Optional<Long> raise(Reading reading, Long campaignId, String campaignName) {
        return this.jdbc.sql("""
                insert into alert (rule, campaign_id, campaign_name, subject, severity, title, figures)
                values (:rule, :campaign, :name, :subject, :severity, :title, cast(:figures as jsonb))
                on conflict do nothing returning id""")
            .param("rule", reading.rule().name())
            .param("campaign", campaignId)
            .param("name", campaignName)
            .param("subject", reading.subject())
            .param("severity", reading.rule().severity())
            .param("title", reading.title())
            .param("figures", this.json.writeValueAsString(reading.figures()))
            .query(Long.class)
            .optional();
    }

    /** The open alerts of a campaign, or (null) those of no campaign. */
    public List<Open> openOf(Long campaignId) {
        String where = (campaignId != null) ? "campaign_id = :id" : "campaign_id is null";
        return this.jdbc
            .sql("select id, rule, subject, severity, title, figures::text as figures from alert where " + where
                    + " and resolved_at is null")
            .params((campaignId != null) ? Map.of("id", campaignId) : Map.of())
            .query((row, n) -> new Open(row.getLong("id"), row.getString("rule"), row.getString("subject"),
                    row.getString("severity"), row.getString("title"),
                    this.json.readValue(row.getString("figures"), FIGURES)))
            .list();
    }

    /** Campaigns with an open alert. */
    public List<Long> campaignsWithOpenAlerts() {
        return this.jdbc
            .sql("select distinct campaign_id from alert where resolved_at is null and campaign_id is not null")
            .query(Long.class)
            .list();
    }

    /** Marks an alert resolved; false when it was already (another instance did). */
    public boolean resolve(long id, Map<String, Object> figures) {
        return this.jdbc.sql("""
                update alert set resolved_at = now(), resolved_figures = cast(:figures as jsonb)
                where id = :id and resolved_at is null""")
            .param("id", id)
            .param("figures", this.json.writeValueAsString(figures))
            .update() == 1;
    }

    public void recordMail(long id, String outcome, String detail) {
        this.jdbc.sql("update alert set mail_outcome = :outcome, mail_detail = :detail where id = :id")
            .param("id", id)
            .param("outcome", outcome)
            .param("detail", (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail)
            .update();
    }

}
