package org.smscampaign.alert;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The account's alert settings: every rule, and who gets each alert by e-mail besides the
 * campaign's owner.
 *
 * @param rules one setting per rule, in the order of {@link AlertRule}
 * @param recipients e-mail addresses
 */
public record AlertSettings(List<RuleSetting> rules, List<String> recipients) {

    public AlertSettings {
        Map<AlertRule, RuleSetting> byRule = new EnumMap<>(AlertRule.class);
        for (AlertRule rule : AlertRule.values()) {
            byRule.put(rule, rule.defaults());
        }
        if (rules != null) {
            rules.stream().filter((r) -> r != null && r.rule() != null).forEach((r) -> byRule.put(r.rule(), r));
        }
        rules = List.copyOf(new ArrayList<>(byRule.values()));
        recipients = (recipients != null) ? List.copyOf(recipients) : List.of();
    }

    /** The built-in defaults, without recipients. */
    public static AlertSettings defaults() {
        return new AlertSettings(List.of(), List.of());
    }

    public RuleSetting rule(AlertRule rule) {
        return this.rules.get(rule.ordinal());
    }

}
