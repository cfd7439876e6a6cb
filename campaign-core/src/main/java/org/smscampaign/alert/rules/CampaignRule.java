package org.smscampaign.alert.rules;

import java.util.List;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.RuleSetting;

/**
 * One rule about one campaign, a pure function of its figures: one reading per subject it
 * can judge now (none while a minimum count is not reached).
 */
public interface CampaignRule {

    AlertRule rule();

    List<Reading> read(CampaignFacts facts, RuleSetting setting);

    /** Every campaign rule. */
    static List<CampaignRule> all() {
        return List.of(new GoalFailingRule(), new LowHumanCtrRule(), new LowDeliveryRateRule(),
                new HighOptOutRateRule(), new HighUndeliveredRateRule(), new ErrorStormPauseRule());
    }

}
