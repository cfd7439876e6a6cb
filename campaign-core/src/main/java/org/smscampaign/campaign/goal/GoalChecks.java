package org.smscampaign.campaign.goal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalUnit;
import org.smscampaign.campaign.template.MessageTemplate;

/**
 * The rules that make a goal decide something (docs/metrics.md, "Goals"): it must be
 * measurable by what the campaign sends, and neither met nor missed by definition.
 */
public final class GoalChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GoalChecks() {
    }

    /**
     * Why a goal decides nothing, whatever the campaign does (met by definition, or
     * impossible); null for a real goal.
     */
    public static String pointless(CampaignDraft.Goal goal) {
        GoalMetric metric = goal.metric();
        BigDecimal target = goal.target();
        String name = goal.label() + " " + goal.direction().label() + " " + target.toPlainString()
                + ((metric.unit() == GoalUnit.PERCENT) ? " %" : "");
        if (goal.direction() == GoalDirection.AT_LEAST) {
            if (metric == GoalMetric.PROFIT) {
                return null; // a loss is possible: any target decides something
            }
            if (metric == GoalMetric.ROI) {
                return (target.compareTo(HUNDRED.negate()) <= 0)
                        ? name + " is met by definition: ROI never falls below -100 %." : null;
            }
            if (target.signum() <= 0) {
                return name + " is met by definition: the figure is never below 0.";
            }
            if (metric.unit() == GoalUnit.PERCENT && target.compareTo(HUNDRED) > 0) {
                return name + " can never be met: a rate is at most 100 %.";
            }
            return null;
        }
        if (metric.unit() == GoalUnit.PERCENT) {
            if (target.compareTo(HUNDRED) >= 0) {
                return name + " is met by definition: a rate is never above 100 %.";
            }
            return (target.signum() < 0) ? name + " can never be met: a rate is never below 0." : null;
        }
        return (target.signum() <= 0)
                ? name + " can never be met by a campaign that costs anything: give the most it may cost." : null;
    }

    /**
     * Whether any text of the campaign carries a tracked link (clicks can be counted).
     */
    public static boolean hasTrackedLink(CampaignDraft draft) {
        for (CampaignDraft.Variant variant : draft.variants()) {
            if (variant.body() == null) {
                continue;
            }
            try {
                String signature = (draft.signature() != null) ? "\n" + draft.signature() : "";
                if (!MessageTemplate.parse(variant.body() + signature).links().isEmpty()) {
                    return true;
                }
            }
            catch (IllegalArgumentException ex) {
                // an invalid text: refused as such by the draft's validation
            }
        }
        return false;
    }

    /**
     * What stops the launch: goals met by definition, click goals nothing can measure.
     */
    public static List<String> errors(CampaignDraft draft) {
        List<String> errors = new ArrayList<>();
        for (CampaignDraft.Goal goal : draft.goals()) {
            String pointless = pointless(goal);
            if (pointless != null) {
                errors.add(pointless);
            }
        }
        if (!hasTrackedLink(draft)) {
            draft.goals()
                .stream()
                .filter((g) -> g.metric().needsClicks())
                .map((g) -> "The goal " + g.label() + " counts clicks, but no text carries a tracked link: add "
                        + "{{link:https://...}} to the message, or choose another goal.")
                .findFirst()
                .ifPresent(errors::add);
        }
        return errors;
    }

}
