package org.smscampaign.alert.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.RuleSetting;
import org.smscampaign.report.CampaignReport.GoalResult;
import org.smscampaign.report.GoalVerdict;

/**
 * A goal whose verdict is "failing" or "failed": one subject per goal. A count or sum
 * (conversions, revenue, ...) is "failing" from launch until it reaches its target, which
 * says nothing yet: it alerts only once its window closed below target.
 */
public final class GoalFailingRule implements CampaignRule {

    @Override
    public AlertRule rule() {
        return AlertRule.GOAL_FAILING;
    }

    @Override
    public List<Reading> read(CampaignFacts facts, RuleSetting setting) {
        return facts.report().goals().stream().filter((g) -> g.verdict() != GoalVerdict.NOT_STARTED).map((goal) -> {
            boolean failing = goal.verdict() == GoalVerdict.FAILED
                    || (goal.verdict() == GoalVerdict.FAILING && !goal.metric().cumulative());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("goal", goal.label());
            figures.put("target", goal.target());
            figures.put("actual", goal.actual());
            figures.put("verdict", goal.verdict().name());
            return new Reading(rule(), subject(goal), failing, "Goal \u201c" + goal.label() + "\u201d is "
                    + goal.verdict().label() + ": " + goal.actual() + " against a target of " + goal.target(), figures);
        }).toList();
    }

    private static String subject(GoalResult goal) {
        return goal.label();
    }

}
