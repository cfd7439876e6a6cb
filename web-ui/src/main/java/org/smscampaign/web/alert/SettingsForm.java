package org.smscampaign.web.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertProblem;
import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.AlertSettings;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.alert.RuleSetting;

/**
 * Reads the alert settings forms: one field per rule and part ({@code enabled.RULE},
 * {@code threshold.RULE}, {@code minimum.RULE}); a blank part of a campaign's form means
 * "use the account default".
 */
final class SettingsForm {

    private SettingsForm() {
    }

    static AlertSettings account(Map<String, String> fields, AlertSettings current) {
        List<RuleSetting> rules = new ArrayList<>();
        for (AlertRule rule : AlertRule.values()) {
            RuleSetting now = current.rule(rule);
            boolean enabled = fields.containsKey("enabled." + rule.name());
            Double threshold = rule.hasThreshold() ? number(fields, "threshold", rule) : null;
            Integer minimum = rule.hasMinimum() ? count(fields, rule) : null;
            rules.add(new RuleSetting(rule, enabled, (threshold != null) ? threshold : now.threshold(),
                    (minimum != null) ? minimum : now.minimum()));
        }
        String recipients = fields.getOrDefault("recipients", "");
        return new AlertSettings(rules,
                Arrays.stream(recipients.split("[,;\\s]+")).filter((r) -> !r.isBlank()).toList());
    }

    static List<RuleOverride> campaign(Map<String, String> fields) {
        List<RuleOverride> overrides = new ArrayList<>();
        for (AlertRule rule : AlertRule.values()) {
            if (!rule.perCampaign()) {
                continue;
            }
            String on = fields.getOrDefault("enabled." + rule.name(), "");
            Boolean enabled = switch (on) {
                case "on" -> Boolean.TRUE;
                case "off" -> Boolean.FALSE;
                default -> null;
            };
            overrides
                .add(new RuleOverride(rule, enabled, rule.hasThreshold() ? number(fields, "threshold", rule) : null,
                        rule.hasMinimum() ? count(fields, rule) : null));
        }
        return overrides;
    }

    private static Double number(Map<String, String> fields, String part, AlertRule rule) {
        String text = fields.getOrDefault(part + "." + rule.name(), "").strip().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        }
        catch (NumberFormatException ex) {
            throw new AlertProblem(rule.label() + ": \u201c" + text + "\u201d is not a number.");
        }
    }

    private static Integer count(Map<String, String> fields, AlertRule rule) {
        Double value = number(fields, "minimum", rule);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value)) {
            throw new AlertProblem(rule.label() + ": the minimum is a whole number of messages.");
        }
        return value.intValue();
    }

}
