package org.smscampaign.alert.rules;

import org.smscampaign.alert.AlertRule;

/**
 * The report's undelivered rate ((failed + undelivered) / (sent + failed), the same
 * figure as the goal) above the threshold, after the minimum of sent messages.
 */
public final class HighUndeliveredRateRule extends RateRule {

    @Override
    public AlertRule rule() {
        return AlertRule.HIGH_UNDELIVERED_RATE;
    }

    @Override
    long count(CampaignFacts facts) {
        return facts.report().funnel().sent();
    }

    @Override
    Double rate(CampaignFacts facts) {
        return facts.report().rates().undelivered();
    }

    @Override
    boolean badAbove() {
        return true;
    }

    @Override
    String figure() {
        return "undeliveredRate";
    }

}
