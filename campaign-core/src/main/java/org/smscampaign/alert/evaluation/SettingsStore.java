package org.smscampaign.alert.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.AlertSettings;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.alert.RuleSetting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account's alert settings and each campaign's overrides, in the database. */
@Component
public class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AlertSettings load() {
        List<RuleSetting> rules = new ArrayList<>();
        this.jdbc.sql("select rule, enabled, threshold, minimum from alert_rule_setting").query((row, n) -> {
            boolean enabled = row.getBoolean("enabled");
            Double threshold = decimal(row.getBigDecimal("threshold"));
            Integer minimum = row.getObject("minimum", Integer.class);
            rule(row.getString("rule")).ifPresent((r) -> rules.add(new RuleSetting(r, enabled, threshold, minimum)));
            return n;
        }).list();
        List<String> recipients = this.jdbc.sql("select email from alert_recipient order by email")
            .query(String.class)
            .list();
        return new AlertSettings(rules, recipients);
    }

    public void save(AlertSettings settings, String by) {
        for (RuleSetting rule : settings.rules()) {
            this.jdbc.sql("""
                    insert into alert_rule_setting (rule, enabled, threshold, minimum, updated_by)
                    values (:rule, :enabled, :threshold, :minimum, :by)
                    on conflict (rule) do update set enabled = excluded.enabled, threshold = excluded.threshold,
                      minimum = excluded.minimum, updated_by = excluded.updated_by, updated_at = now()""")
                .param("rule", rule.rule().name())
                .param("enabled", rule.enabled())
                .param("threshold", (rule.threshold() != null) ? BigDecimal.valueOf(rule.threshold()) : null)
                .param("minimum", rule.minimum())
                .param("by", by)
                .update();
        }
        this.jdbc.sql("delete from alert_recipient").update();
        for (String email : settings.recipients()) {
            this.jdbc.sql("insert into alert_recipient (email, added_by) values (:email, :by) on conflict do nothing")
                .param("email", email)
                .param("by", by)
                .update();
        }
    }

    public List<RuleOverride> overrides(long campaignId) {
        List<RuleOverride> overrides = new ArrayList<>();
        this.jdbc
            .sql("select rule, enabled, threshold, minimum from alert_campaign_setting where campaign_id = :id "
                    + "order by rule")
            .param("id", campaignId)
            .query((row, n) -> {
                Boolean enabled = row.getObject("enabled", Boolean.class);
                Double threshold = decimal(row.getBigDecimal("threshold"));
                Integer minimum = row.getObject("minimum", Integer.class);
                rule(row.getString("rule"))
                    .ifPresent((r) -> overrides.add(new RuleOverride(r, enabled, threshold, minimum)));
                return n;
            })
            .list();
        return overrides;
    }

    public void saveOverrides(long campaignId, List<RuleOverride> overrides, String by) {
        this.jdbc.sql("delete from alert_campaign_setting where campaign_id = :id").param("id", campaignId).update();
        for (RuleOverride override : overrides) {
            if (override.empty()) {
                continue;
            }
            this.jdbc.sql("""
                    insert into alert_campaign_setting (campaign_id, rule, enabled, threshold, minimum, updated_by)
                    values (:id, :rule, :enabled, :threshold, :minimum, :by)""")
                .param("id", campaignId)
                .param("rule", override.rule().name())
                .param("enabled", override.enabled())
                .param("threshold", (override.threshold() != null) ? BigDecimal.valueOf(override.threshold()) : null)
                .param("minimum", override.minimum())
                .param("by", by)
                .update();
        }
    }

    private static java.util.Optional<AlertRule> rule(String name) {
        // A rule of a newer version (rolling upgrade) is skipped, not an error.
        try {
            return java.util.Optional.of(AlertRule.valueOf(name));
        }
        catch (IllegalArgumentException ex) {
            return java.util.Optional.empty();
        }
    }

    private static Double decimal(BigDecimal value) {
        return (value != null) ? value.doubleValue() : null;
    }

}
