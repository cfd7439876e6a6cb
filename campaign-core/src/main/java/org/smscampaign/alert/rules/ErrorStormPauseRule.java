package org.smscampaign.alert.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.RuleSetting;

/** The gateway paused the campaign's sending: too many errors in a row. */
public final class ErrorStormPauseRule implements CampaignRule {

    /** Who the gateway names as having paused a campaign for an error storm. */
    public static final String ERROR_STORM = "error storm";

    @Override
    public AlertRule rule() {
        return AlertRule.ERROR_STORM_PAUSE;
    }

    @Override
    public List<Reading> read(CampaignFacts facts, RuleSetting setting) {
        boolean storm = ERROR_STORM.equals(facts.pausedBy());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("pausedBy", facts.pausedBy());
        figures.put("reason", facts.pauseReason());
        figures.put("sent", facts.report().funnel().sent());
        figures.put("failed", facts.report().funnel().failed());
        String title = storm
                ? "Sending paused by the platform after an error storm"
                        + ((facts.pauseReason() != null) ? ": " + facts.pauseReason() : "")
                : "Sending is no longer paused for an error storm";
        return List.of(new Reading(rule(), "", storm, title, figures));
    }

}
