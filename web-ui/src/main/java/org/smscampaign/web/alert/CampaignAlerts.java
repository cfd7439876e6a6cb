package org.smscampaign.web.alert;

import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.AlertView;
import org.smscampaign.alert.Alerts;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.alert.RuleSetting;

import org.springframework.stereotype.Component;

/**
 * A campaign's alerts and alert settings for its page and dashboard (the fragment
 * {@code alerts/fragments} calls it).
 */
@Component("campaignAlerts")
class CampaignAlerts {

    private static final int LIMIT = 50;

    private final Alerts alerts;

    private final AlertManagement management;

    CampaignAlerts(Alerts alerts, AlertManagement management) {
        this.alerts = alerts;
        this.management = management;
    }

    /** One rule for the campaign: what it overrides and what is in effect. */
    public record Row(AlertRule rule, RuleOverride override, RuleSetting effective) {

    }

    public List<AlertView> of(long campaignId) {
        return this.alerts.recent(null, campaignId, LIMIT);
    }

    public List<Row> settings(long campaignId) {
        Map<AlertRule, RuleOverride> overrides = new java.util.EnumMap<>(AlertRule.class);
        this.management.overrides(campaignId).forEach((o) -> overrides.put(o.rule(), o));
        return this.management.effective(campaignId)
            .stream()
            .map((s) -> new Row(s.rule(),
                    overrides.getOrDefault(s.rule(), new RuleOverride(s.rule(), null, null, null)), s))
            .toList();
    }

}
