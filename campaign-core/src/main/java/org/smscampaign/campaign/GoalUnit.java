package org.smscampaign.campaign;

/** The unit of a goal's target and figure. */
public enum GoalUnit {

    /** A percentage (0-100). */
    PERCENT("%"),

    /** A number of things (conversions, replies). */
    COUNT(""),

    /** An amount in the reporting currency. */
    MONEY("¤");

    private final String symbol;

    GoalUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return this.symbol;
    }

}
