package org.smscampaign.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alert evaluation (thresholds are set by admins in the application).
 *
 * @param interval how often the rules are evaluated
 * @param baselineDays how far back the usual human CTR looks (completed campaigns)
 * @param baselineMinimumDelivered a past campaign counts for the usual human CTR from
 * this many delivered messages
 */
@ConfigurationProperties("sms.alert")
public record AlertProperties(@DefaultValue("30s") Duration interval, @DefaultValue("90") int baselineDays,
        @DefaultValue("100") int baselineMinimumDelivered) {

}
