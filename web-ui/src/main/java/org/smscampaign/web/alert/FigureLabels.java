package org.smscampaign.web.alert;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The figures of an alert as people read them (pages and e-mails call it). */
@Component("alertFigures")
class FigureLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("goal", "Goal"),
            Map.entry("target", "Target"), Map.entry("actual", "Actual"), Map.entry("verdict", "Verdict"),
            Map.entry("humanCtr", "Human CTR (%)"), Map.entry("usualHumanCtr", "Usual human CTR (%)"),
            Map.entry("share", "Alert below this share of usual (%)"), Map.entry("floor", "Alert below (%)"),
            Map.entry("pastCampaigns", "Past campaigns compared"), Map.entry("delivered", "Delivered"),
            Map.entry("sent", "Sent"), Map.entry("failed", "Failed"), Map.entry("deliveryRate", "Delivery rate (%)"),
            Map.entry("optOutRate", "Opt-out rate (%)"), Map.entry("undeliveredRate", "Undelivered rate (%)"),
            Map.entry("threshold", "Threshold"), Map.entry("minimum", "Minimum count"),
            Map.entry("pausedBy", "Paused by"), Map.entry("reason", "Reason"), Map.entry("sender", "Sender"),
            Map.entry("dueMessages", "Messages due"), Map.entry("oldestDueAt", "Oldest due since"),
            Map.entry("lastSentAt", "Last sent"), Map.entry("thresholdMinutes", "Minutes without a send"),
            Map.entry("note", "Note"));

    /** The figure that matters first, then what it is compared with, then counts. */
    private static final List<String> ORDER = List.of("goal", "verdict", "actual", "target", "humanCtr",
            "usualHumanCtr", "share", "floor", "pastCampaigns", "deliveryRate", "optOutRate", "undeliveredRate",
            "threshold", "sent", "delivered", "failed", "minimum", "pausedBy", "reason", "sender", "dueMessages",
            "oldestDueAt", "lastSentAt", "thresholdMinutes", "note");

    /** The figures in the order people read them (the database keeps no order). */
    public List<Map.Entry<String, Object>> ordered(Map<String, Object> figures) {
        if (figures == null) {
            return List.of();
        }
        return figures.entrySet().stream().sorted(Comparator.comparingInt((e) -> rank(e.getKey()))).toList();
    }

    private static int rank(String key) {
        int at = ORDER.indexOf(key);
        return (at >= 0) ? at : ORDER.size();
    }

    public String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    public String value(Object value) {
        if (value == null) {
            return "\u2013";
        }
        if (value instanceof String text && text.length() > 19 && text.charAt(10) == 'T') {
            // An instant: minutes are enough, in UTC as everywhere on the platform.
            return text.substring(0, 16).replace('T', ' ') + " UTC";
        }
        if (value instanceof Boolean on) {
            return on ? "yes" : "no";
        }
        return String.valueOf(value);
    }

}
