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

    /** Texts that respond to the campaign (keyword, query, other). */
    REPLIES("Replies", GoalDirection.AT_LEAST, GoalUnit.COUNT,
            "Texts recipients sent back in response (a reply keyword, a question, anything else); "
                    + "STOP, START and HELP are not replies."),

    /** People who asked a question or made a request. */
    QUERIES("Queries", GoalDirection.AT_LEAST, GoalUnit.COUNT,
            "People who sent a question or request that needs a person (texts classified as a query), "
                    + "each counted once."),

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
                    + "per message offered to the provider."),

    /** People who responded (responders). */
    RESPONSES("Responses (people)", GoalDirection.AT_LEAST, GoalUnit.COUNT,
            "People who responded to the campaign (a reply keyword, a question or anything else; "
                    + "not STOP, START or HELP), each counted once."),

    /** Responders per delivered message, in percent. */
    RESPONSE_RATE("Response rate (%)", GoalDirection.AT_LEAST, GoalUnit.PERCENT,
            "People who responded, per delivered message."),

    /** Queries a person answered, in percent of people who asked. */
    ANSWER_RATE("Answer rate (%)", GoalDirection.AT_LEAST, GoalUnit.PERCENT,
            "People whose question or request a person answered from the platform, per person who asked.");

    private static final Set<GoalMetric> CLICKS = EnumSet.of(HUMAN_CTR, COST_PER_CLICK);

    private static final Set<GoalMetric> CONVERSION_BASED = EnumSet.of(CONVERSIONS, REVENUE, PROFIT, ROI,
            COST_PER_CONVERSION);

    /** Counts and sums that only grow: reached early, they stay reached. */
    private static final Set<GoalMetric> CUMULATIVE = EnumSet.of(CONVERSIONS, REVENUE, REPLIES, QUERIES, RESPONSES);

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
