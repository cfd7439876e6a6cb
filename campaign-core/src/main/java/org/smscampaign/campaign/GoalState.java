package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A goal as it stands in the campaign's record: its target now, its frozen judgement once
 * the evaluation window has ended, and every change of its target after launch.
 *
 * @param event the conversion event it counts, or empty
 * @param passed the frozen verdict; null until judged
 * @param judgedFigure the figure it was judged on; null until judged (or unknown then)
 * @param judgedAt when it was judged; null until then
 * @param changes target changes after launch, oldest first
 */
public record GoalState(GoalMetric metric, String event, BigDecimal target, Boolean passed, BigDecimal judgedFigure,
        Instant judgedAt, List<Change> changes) {

    public GoalState {
        event = (event != null) ? event : "";
        changes = (changes != null) ? List.copyOf(changes) : List.of();
    }

    public boolean judged() {
        return this.judgedAt != null;
    }

    /** The target set before launch (null: the goal was added after launch). */
    public BigDecimal originalTarget() {
        return this.changes.isEmpty() ? this.target : this.changes.get(0).from();
    }

    /** Whether this is the state of that goal of the draft. */
    public boolean of(CampaignDraft.Goal goal) {
        return this.metric == goal.metric() && this.event.equals(goal.event());
    }

    /**
     * A target changed after launch.
     *
     * @param from the target before; null when the goal was added
     * @param to the target after; null when the goal was removed
     */
    public record Change(String by, Instant at, BigDecimal from, BigDecimal to) {

    }

}
