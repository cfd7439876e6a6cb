package org.smscampaign.alert.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.RuleSetting;

/**
 * Human CTR below a share of the account's usual human CTR, after the minimum of
 * delivered messages. Waits (no reading) without past campaigns to compare with, or
 * without a tracked link in the texts.
 */
public final class LowHumanCtrRule implements CampaignRule {

    @Override
    public AlertRule rule() {
        return AlertRule.LOW_HUMAN_CTR;
    }

    @Override
    public List<Reading> read(CampaignFacts facts, RuleSetting setting) {
        long delivered = facts.report().funnel().delivered();
        Double ctr = facts.report().rates().humanCtr();
        Double median = (facts.baseline() != null) ? facts.baseline().medianHumanCtr() : null;
        int minimum = (setting.minimum() != null) ? setting.minimum() : 0;
        if (!facts.trackedLinks() || median == null || ctr == null || delivered < minimum
                || setting.threshold() == null) {
            return List.of();
        }
        double floor = median * setting.threshold() / 100.0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("humanCtr", Reading.round(ctr));
        figures.put("usualHumanCtr", Reading.round(median));
        figures.put("share", setting.threshold());
        figures.put("floor", Reading.round(floor));
        figures.put("pastCampaigns", facts.baseline().campaigns());
        figures.put("delivered", delivered);
        String title = "Human CTR " + Reading.percent(ctr) + " is below " + Reading.percent(setting.threshold())
                + " of the usual " + Reading.percent(median) + " after " + delivered + " delivered messages";
        return List.of(new Reading(rule(), "", ctr < floor, title, figures));
    }

}
