package org.smscampaign.alert.rules;

import org.smscampaign.alert.AlertRule;

/** Delivered ÷ sent below the threshold, after the minimum of sent messages. */
public final class LowDeliveryRateRule extends RateRule {

    @Override
    public AlertRule rule() {
        return AlertRule.LOW_DELIVERY_RATE;
    }

    @Override
    long count(CampaignFacts facts) {
        return facts.report().funnel().sent();
    }

    @Override
    Double rate(CampaignFacts facts) {
        return facts.report().rates().delivery();
    }

    @Override
    boolean badAbove() {
        return false;
    }

    @Override
    String figure() {
        return "deliveryRate";
    }

}
