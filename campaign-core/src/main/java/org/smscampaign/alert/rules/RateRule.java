package org.smscampaign.alert.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.RuleSetting;

/**
 * A rate against a fixed threshold once enough messages count: the shape of the delivery,
 * opt-out and undelivered rules.
 */
abstract class RateRule implements CampaignRule {

    /** The count the minimum applies to. */
    abstract long count(CampaignFacts facts);

    /** The rate in percent, or null when it has no denominator. */
    abstract Double rate(CampaignFacts facts);

    /** Whether the rate is bad when above the threshold (else when below). */
    abstract boolean badAbove();

    abstract String figure();

    @Override
    public List<Reading> read(CampaignFacts facts, RuleSetting setting) {
        long count = count(facts);
        Double rate = rate(facts);
        int minimum = (setting.minimum() != null) ? setting.minimum() : 0;
        if (rate == null || count < minimum || setting.threshold() == null) {
            return List.of();
        }
        double threshold = setting.threshold();
        boolean holds = badAbove() ? rate > threshold : rate < threshold;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(figure(), Reading.round(rate));
        figures.put("threshold", threshold);
        figures.put(countName(), count);
        figures.put("minimum", minimum);
        String title = capitalised() + " " + Reading.percent(rate) + " is " + (badAbove() ? "above" : "below") + " "
                + Reading.percent(threshold) + " after " + count + " " + rule().minimumUnit();
        return List.of(new Reading(rule(), "", holds, title, figures));
    }

    private String countName() {
        return rule().minimumUnit().startsWith("sent") ? "sent" : "delivered";
    }

    private String capitalised() {
        String words = figure().replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

}
