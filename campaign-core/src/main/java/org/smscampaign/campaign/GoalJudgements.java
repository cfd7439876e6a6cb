package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.store.GoalStore;
import org.smscampaign.notice.PlatformEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezing goal verdicts: once a campaign's evaluation window has ended, each goal is
 * judged once, with its figure and the time, and never again (safe with many instances:
 * the first write wins). Each judgement is published as a {@link PlatformEvent} of type
 * {@link PlatformEvent#GOAL_JUDGED}.
 */
@Service
public class GoalJudgements {

    private static final Logger log = LoggerFactory.getLogger(GoalJudgements.class);

    private final GoalStore store;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    GoalJudgements(GoalStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Campaigns whose window has ended with goals still to judge. */
    @Transactional(readOnly = true)
    public List<Long> awaitingJudgement() {
        return this.store.awaitingJudgement(this.clock.instant());
    }

    /**
     * Freezes one goal's verdict unless it is judged already. Returns whether this call
     * judged it (and published the event).
     */
    @Transactional
    public boolean freeze(CampaignView campaign, CampaignDraft.Goal goal, boolean passed, BigDecimal figure) {
        Instant now = this.clock.instant();
        if (!this.store.judge(campaign.id(), goal.metric(), goal.event(), passed, figure, now)) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metric", goal.metric().name());
        data.put("event", goal.event());
        data.put("direction", goal.direction().name());
        data.put("target", goal.target());
        data.put("figure", figure);
        data.put("verdict", passed ? "PASSED" : "FAILED");
        String title = campaign.name() + ": goal " + goal.label() + " " + goal.direction().label() + " "
                + goal.target().toPlainString() + (passed ? " passed" : " failed") + " ("
                + ((figure != null) ? figure.stripTrailingZeros().toPlainString() : "no figure") + ")";
        this.events.publishEvent(
                new PlatformEvent(PlatformEvent.GOAL_JUDGED, campaign.id(), campaign.name(), title, data, now));
        log.info("Campaign {}: goal {} judged {}", campaign.id(), goal.label(), passed ? "passed" : "failed");
        return true;
    }

}
