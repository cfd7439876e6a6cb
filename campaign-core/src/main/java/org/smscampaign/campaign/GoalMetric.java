package org.smscampaign.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a goal measures: a figure of the dashboard, the direction that counts as success
 * and its unit, with one sentence on how it is measured (docs/metrics.md, "Goals").
 */
public enum GoalMetric {

    /** Unique human clickers per delivered message, in percent. */
    HUMAN_CTR("Human click-through rate (%)", GoalDirection.AT_LEAST, GoalUnit.PERCENT,
            "People (not bots or link previews) who tapped a link, per delivered message."),

    /** Attributed conversions, of one named event or of all. */
    CONVERSIONS("Conversions", GoalDirection.AT_LEAST, GoalUnit.COUNT,
            "Conversions attributed to the campaign's links (of the named event, or of every event)."),

    /** Attributed revenue. */
    REVENUE("Revenue", GoalDirection.AT_LEAST, GoalUnit.MONEY,
            "The value of attributed conversions, in the reporting currency."),

    /** Revenue minus every cost. */
    PROFIT("Profit", GoalDirection.AT_LEAST, GoalUnit.MONEY,
            "Revenue minus the cost of the messages and the campaign's other costs."),

    /** (Revenue - cost) / cost, in percent. */
    ROI("Return on investment (%)", GoalDirection.AT_LEAST, GoalUnit.PERCENT, "Profit per cost, in percent."),

    /** Every text recipients sent back. */
    REPLIES("Replies", GoalDirection.AT_LEAST, GoalUnit.COUNT,
            "Texts recipients sent back, STOP, START and HELP included."),

    /** Replies that are not a keyword. */
    QUERIES("Queries", GoalDirection.AT_LEAST, GoalUnit.COUNT,
            "Replies that are a person's message, not an opt-out, opt-in or HELP keyword."),

    /** Cost per attributed conversion (CPA). */
    COST_PER_CONVERSION("Cost per conversion", GoalDirection.AT_MOST, GoalUnit.MONEY,
            "All costs divided by attributed conversions."),

    /** Cost per unique human clicker. */
    COST_PER_CLICK("Cost per click", GoalDirection.AT_MOST, GoalUnit.MONEY,
            "All costs divided by the people who tapped a link."),

    /** Opt-outs per delivered message, in percent. */
    OPT_OUT_RATE("Opt-out rate (%)", GoalDirection.AT_MOST, GoalUnit.PERCENT,
            "Opt-out replies (STOP) per delivered message."),

    /** Messages refused or not delivered, in percent of those offered. */
    UNDELIVERED_RATE("Undelivered rate (%)", GoalDirection.AT_MOST, GoalUnit.PERCENT,
            "Messages the provider or the carrier did not deliver (failed or undelivered), "
                    + "per message offered to the provider.");

    private static final Set<GoalMetric> CLICKS = EnumSet.of(HUMAN_CTR, COST_PER_CLICK);

    private static final Set<GoalMetric> CONVERSION_BASED = EnumSet.of(CONVERSIONS, REVENUE, PROFIT, ROI,
            COST_PER_CONVERSION);

    /** Counts and sums that only grow: reached early, they stay reached. */
    private static final Set<GoalMetric> CUMULATIVE = EnumSet.of(CONVERSIONS, REVENUE, REPLIES, QUERIES);

    private final String label;

    private final GoalDirection direction;

    private final GoalUnit unit;

    private final String howMeasured;

    GoalMetric(String label, GoalDirection direction, GoalUnit unit, String howMeasured) {
        this.label = label;
        this.direction = direction;
        this.unit = unit;
        this.howMeasured = howMeasured;
    }

    public String label() {
        return this.label;
    }

    public GoalDirection direction() {
        return this.direction;
    }

    public GoalUnit unit() {
        return this.unit;
    }

    public String howMeasured() {
        return this.howMeasured;
    }

    /** Measured from clicks on tracked links. */
    public boolean needsClicks() {
        return CLICKS.contains(this);
    }

    /** Measured from conversions (postback or landing script). */
    public boolean needsConversions() {
        return CONVERSION_BASED.contains(this);
    }

    /** Only ever grows while the campaign runs. */
    public boolean cumulative() {
        return CUMULATIVE.contains(this);
    }

    /** Takes an event name (conversions of one event). */
    public boolean takesEvent() {
        return this == CONVERSIONS;
    }

}
