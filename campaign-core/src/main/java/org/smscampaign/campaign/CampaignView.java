package org.smscampaign.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as pages and the API show it: what it is, where it is in its lifecycle, and
 * how its launch went.
 *
 * @param pauseReason why sending is paused (an error storm or a person), or null
 * @param goalStates its goals' frozen judgements and target changes, in the order of
 * {@code draft.goals()}
 */
public record CampaignView(long id, String name, CampaignStatus status, CampaignDraft draft, String createdBy,
        Instant createdAt, Instant updatedAt, Launch launch, String winnerVariant, String pauseReason,
        List<EventView> events, List<GoalState> goalStates) {

    public CampaignView {
        goalStates = (goalStates != null) ? List.copyOf(goalStates) : List.of();
    }

    public CampaignView(long id, String name, CampaignStatus status, CampaignDraft draft, String createdBy,
            Instant createdAt, Instant updatedAt, Launch launch, String winnerVariant, String pauseReason,
            List<EventView> events) {
        this(id, name, status, draft, createdBy, createdAt, updatedAt, launch, winnerVariant, pauseReason, events,
                List.of());
    }

    /** The stored state of one of its goals, or null (not stored yet). */
    public GoalState stateOf(CampaignDraft.Goal goal) {
        return this.goalStates.stream().filter((s) -> s.of(goal)).findFirst().orElse(null);
    }

    /**
     * How the launch went: counts of the audience snapshot.
     *
     * @param finished whether every recipient was written
     * @param waiting recipients waiting for the A/B test's winner
     */
    public record Launch(String by, Instant at, boolean finished, Instant firstDueAt, int audience, int queued,
            int holdout, int capped, int waiting) {

    }

    /** A lifecycle transition, launch step or goal change. */
    public record EventView(String kind, CampaignStatus from, CampaignStatus to, String detail, String by, Instant at) {

    }

}
