package org.smscampaign.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as kept in the history.
 *
 * @param rule which rule fired (a name of {@code AlertRule} once rules exist)
 * @param campaignId the campaign it concerns, or null
 * @param subject what within the rule it is about (a goal, a sender), or empty
 * @param figures the figures that fired it
 * @param resolvedAt when the condition cleared, or null while open
 * @param resolvedFigures the figures when it cleared, or null
 * @param mailOutcome how its e-mail went: SENT, NOT_CONFIGURED or FAILED; null before
 * @param mailDetail the recipients, or why it did not go
 */
public record AlertView(long id, String rule, Long campaignId, String campaignName, String subject, String severity,
        String title, Map<String, Object> figures, Instant raisedAt, Instant resolvedAt,
        Map<String, Object> resolvedFigures, String mailOutcome, String mailDetail) {

    public boolean open() {
        return this.resolvedAt == null;
    }

    /** The rule as people read it (the stored name for a rule this version lacks). */
    public String ruleLabel() {
        try {
            return AlertRule.valueOf(this.rule).label();
        }
        catch (IllegalArgumentException ex) {
            return this.rule;
        }
    }

}
