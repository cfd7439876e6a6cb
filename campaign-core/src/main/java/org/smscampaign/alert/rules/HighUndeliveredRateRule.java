package org.smscampaign.alert.rules;

import org.smscampaign.alert.AlertRule;

/**
 * Undelivered ÷ sent above the threshold (messages the carrier could not deliver), after
 * the minimum of sent messages.
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
        long sent = facts.report().funnel().sent();
        return (sent > 0) ? 100.0 * facts.report().funnel().undelivered() / sent : null;
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
