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
     * Judged as met when the evaluation window closed (frozen: later data never changes
     * it).
     */
    PASSED("passed"),

    /** Judged as missed when the evaluation window closed (frozen). */
    FAILED("failed"),

    /**
     * Window open, a count or sum that only grows (conversions, revenue, replies) has
     * reached its target: it cannot fail any more, but is judged at the window's end.
     */
    REACHED("reached");

    private final String label;

    GoalVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
