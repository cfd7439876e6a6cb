package org.smscampaign.report;

/** How a goal stands against its target. */
public enum GoalVerdict {

    /** Not launched, or nothing delivered yet: nothing to judge. */
    NOT_STARTED("not started"),

    /** Window open, a rate at or above its target (it may still fall). */
    ON_TRACK("on track"),

    /** Window open, below target. */
    FAILING("failing"),

    /**
     * Target met: a count or sum (conversions, revenue) as soon as it is reached, a rate
     * when the evaluation window closes at or above it.
     */
    PASSED("passed"),

    /** Window closed below target. */
    FAILED("failed");

    private final String label;

    GoalVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
