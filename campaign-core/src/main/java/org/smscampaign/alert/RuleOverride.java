package org.smscampaign.alert;

/**
 * A campaign's own setting of one rule; each null part means "use the account default".
 */
public record RuleOverride(AlertRule rule, Boolean enabled, Double threshold, Integer minimum) {

    /** Whether it changes nothing (then it is not stored). */
    public boolean empty() {
        return this.enabled == null && this.threshold == null && this.minimum == null;
    }

}
