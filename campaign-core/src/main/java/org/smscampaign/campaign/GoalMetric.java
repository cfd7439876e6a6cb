package org.smscampaign.campaign;

/** What a goal measures. */
public enum GoalMetric {

    /** Unique human clickers per delivered message, in percent. */
    HUMAN_CTR("Human click-through rate (%)"),

    /** Attributed conversions. */
    CONVERSIONS("Conversions"),

    /** Attributed revenue. */
    REVENUE("Revenue"),

    /** (Revenue - cost) / cost, in percent. */
    ROI("Return on investment (%)");

    private final String label;

    GoalMetric(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
