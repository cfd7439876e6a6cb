package org.smscampaign.alert.rules;

import org.smscampaign.alert.AlertRule;

/** Opt-outs ÷ delivered above the threshold, after the minimum of delivered messages. */
public final class HighOptOutRateRule extends RateRule {

    @Override
    public AlertRule rule() {
        return AlertRule.HIGH_OPT_OUT_RATE;
    }

    @Override
    long count(CampaignFacts facts) {
        return facts.report().funnel().delivered();
    }

    @Override
    Double rate(CampaignFacts facts) {
        return facts.report().rates().optOut();
    }

    @Override
    boolean badAbove() {
        return true;
    }

    @Override
    String figure() {
        return "optOutRate";
    }

}
