package org.smscampaign.web.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.web.format.PlainDecimals;

/**
 * A campaign's goals as rows of a form: measure, event (conversion goals) and target side
 * by side; a row without a target is no goal. A few blank rows are there to add to
 * without JavaScript (goal-rows.js adds and removes rows).
 */
record GoalRows(List<String> goalMetric, List<String> goalEvent, List<BigDecimal> goalTarget) {

    /** Rows shown at least, blank ones included. */
    static final int SLOTS = 3;

    GoalRows {
        goalTarget = PlainDecimals.plain(goalTarget);
    }

    static GoalRows of(List<CampaignDraft.Goal> goals) {
        List<String> metrics = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<BigDecimal> targets = new ArrayList<>();
        for (CampaignDraft.Goal goal : goals) {
            metrics.add(goal.metric().name());
            events.add(goal.event());
            targets.add(goal.target());
        }
        while (metrics.size() < Math.max(SLOTS, goals.size() + 1)) {
            metrics.add("");
            events.add("");
            targets.add(null);
        }
        return new GoalRows(metrics, events, targets);
    }

    List<CampaignDraft.Goal> goals() {
        List<CampaignDraft.Goal> goals = new ArrayList<>();
        int rows = (this.goalMetric != null) ? this.goalMetric.size() : 0;
        for (int i = 0; i < rows; i++) {
            String metric = this.goalMetric.get(i);
            BigDecimal target = (this.goalTarget != null && i < this.goalTarget.size()) ? this.goalTarget.get(i) : null;
            if (metric == null || metric.isBlank() || target == null) {
                continue;
            }
            String event = (this.goalEvent != null && i < this.goalEvent.size()) ? this.goalEvent.get(i) : "";
            goals.add(new CampaignDraft.Goal(GoalMetric.valueOf(metric), target, event));
        }
        return goals;
    }

    /** The measures a form offers, "at least" ones first. */
    static List<GoalMetric> metrics(GoalDirection direction) {
        return Arrays.stream(GoalMetric.values()).filter((m) -> m.direction() == direction).toList();
    }

}
