package org.smscampaign.alert;

/**
 * How one rule is set for the account, or in effect for a campaign.
 *
 * @param threshold the rule's threshold in its unit ({@link AlertRule#thresholdUnit()}),
 * null for a rule without one
 * @param minimum the count below which the rule waits, null for a rule without one
 */
public record RuleSetting(AlertRule rule, boolean enabled, Double threshold, Integer minimum) {

    /** This setting with a campaign's override on top. */
    public RuleSetting with(RuleOverride override) {
        if (override == null) {
            return this;
        }
        return new RuleSetting(this.rule, (override.enabled() != null) ? override.enabled() : this.enabled,
                (override.threshold() != null) ? override.threshold() : this.threshold,
                (override.minimum() != null) ? override.minimum() : this.minimum);
    }

}
