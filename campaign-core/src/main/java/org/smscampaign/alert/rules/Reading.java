package org.smscampaign.alert.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smscampaign.alert.AlertRule;

/**
 * What one rule sees about one subject now: whether its condition holds, in a sentence,
 * and the figures behind it (kept with the alert when it fires or clears).
 *
 * @param subject what within the rule it is about (a goal, a sender), or empty
 */
public record Reading(AlertRule rule, String subject, boolean holds, String title, Map<String, Object> figures) {

    public Reading {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** A percentage or a ratio as people read it: two decimals. */
    static Double round(Double value) {
        return (value != null) ? Math.round(value * 100.0) / 100.0 : null;
    }

    static String percent(Double value) {
        return (value != null) ? String.format(java.util.Locale.ROOT, "%.1f %%", value) : "none";
    }

}
