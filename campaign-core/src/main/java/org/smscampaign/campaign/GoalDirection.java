package org.smscampaign.campaign;

/** Which side of its target a goal's figure must end on. */
public enum GoalDirection {

    /** The figure must reach the target or go beyond. */
    AT_LEAST("at least", "≥"),

    /** The figure must stay at or below the target. */
    AT_MOST("at most", "≤");

    private final String label;

    private final String symbol;

    GoalDirection(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return this.label;
    }

    public String symbol() {
        return this.symbol;
    }

    /** Whether a figure meets a target; an unknown figure meets nothing. */
    public boolean met(java.math.BigDecimal figure, java.math.BigDecimal target) {
        if (figure == null) {
            return false;
        }
        int compared = figure.compareTo(target);
        return (this == AT_LEAST) ? compared >= 0 : compared <= 0;
    }

}
