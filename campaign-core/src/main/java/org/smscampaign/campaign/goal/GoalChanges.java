package org.smscampaign.campaign.goal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalState;

/**
 * What a new list of goals changes against the stored ones: targets changed, goals added
 * and removed, and which judged goals it would touch (refused).
 *
 * @param changes one per goal whose target changes (from null: added; to null: removed)
 * @param judgedTouched labels of the goals it would change although the campaign's goals
 * are judged (once judged, none changes, none is added)
 */
public record GoalChanges(List<Change> changes, List<String> judgedTouched) {

    /** One goal's target before and after. */
    public record Change(GoalMetric metric, String event, BigDecimal from, BigDecimal to) {

    }

    public static GoalChanges between(CampaignView current, List<CampaignDraft.Goal> goals) {
        List<Change> changes = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        for (GoalState state : current.goalStates()) {
            CampaignDraft.Goal next = goals.stream().filter(state::of).findFirst().orElse(null);
            BigDecimal to = (next != null) ? next.target() : null;
            if (to == null || to.compareTo(state.target()) != 0) {
                changes.add(new Change(state.metric(), state.event(), state.target(), to));
            }
        }
        for (CampaignDraft.Goal goal : goals) {
            if (current.stateOf(goal) == null) {
                changes.add(new Change(goal.metric(), goal.event(), null, goal.target()));
            }
        }
        if (current.goalStates().stream().anyMatch(GoalState::judged)) {
            changes.forEach((c) -> judged.add(new CampaignDraft.Goal(c.metric(), BigDecimal.ZERO, c.event()).label()));
        }
        return new GoalChanges(List.copyOf(changes), List.copyOf(judged));
    }

}
