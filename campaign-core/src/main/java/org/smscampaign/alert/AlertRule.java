package org.smscampaign.alert;

/**
 * What an alert watches, with its default threshold and minimum count: an admin changes
 * them for the account (Admin › Alerts), a marketer for one campaign.
 */
public enum AlertRule {

    /** A goal of the campaign shows "failing" or "failed". */
    GOAL_FAILING("A goal is failing", "CRITICAL", null, null, null, null),

    /** Human CTR below a share of the account's median over past campaigns. */
    LOW_HUMAN_CTR("Click-through far below usual", "WARNING", 50.0, "% of the usual human CTR", 500,
            "delivered messages"),

    /** Delivered ÷ sent below a threshold. */
    LOW_DELIVERY_RATE("Low delivery rate", "WARNING", 90.0, "% delivered", 200, "sent messages"),

    /** Opt-outs ÷ delivered above a threshold. */
    HIGH_OPT_OUT_RATE("Many opt-outs", "WARNING", 2.0, "% opted out", 200, "delivered messages"),

    /** Undelivered ÷ sent above a threshold. */
    HIGH_UNDELIVERED_RATE("Many undelivered messages", "WARNING", 5.0, "% undelivered", 200, "sent messages"),

    /** The gateway paused the campaign: too many errors in a row. */
    ERROR_STORM_PAUSE("Paused by an error storm", "CRITICAL", null, null, null, null),

    /** A sender has due messages but sent nothing for a while. */
    QUEUE_STALLED("Sending queue not moving", "CRITICAL", 10.0, "minutes without a send", null, null);

    private final String label;

    private final String severity;

    private final Double defaultThreshold;

    private final String thresholdUnit;

    private final Integer defaultMinimum;

    private final String minimumUnit;

    AlertRule(String label, String severity, Double defaultThreshold, String thresholdUnit, Integer defaultMinimum,
            String minimumUnit) {
        this.label = label;
        this.severity = severity;
        this.defaultThreshold = defaultThreshold;
        this.thresholdUnit = thresholdUnit;
        this.defaultMinimum = defaultMinimum;
        this.minimumUnit = minimumUnit;
    }

    public String label() {
        return this.label;
    }

    /** INFO, WARNING or CRITICAL. */
    public String severity() {
        return this.severity;
    }

    /** Null for a rule without a threshold. */
    public Double defaultThreshold() {
        return this.defaultThreshold;
    }

    public String thresholdUnit() {
        return this.thresholdUnit;
    }

    /** Null for a rule that needs no minimum count. */
    public Integer defaultMinimum() {
        return this.defaultMinimum;
    }

    public String minimumUnit() {
        return this.minimumUnit;
    }

    public boolean hasThreshold() {
        return this.defaultThreshold != null;
    }

    public boolean hasMinimum() {
        return this.defaultMinimum != null;
    }

    /** Whether it concerns one campaign (not a sender's queue). */
    public boolean perCampaign() {
        return this != QUEUE_STALLED;
    }

    /** The setting it has until an admin changes it. */
    public RuleSetting defaults() {
        return new RuleSetting(this, true, this.defaultThreshold, this.defaultMinimum);
    }

}
