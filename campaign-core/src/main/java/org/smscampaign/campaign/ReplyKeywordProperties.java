package org.smscampaign.campaign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaigns' reply keywords.
 *
 * @param activeFor how long after its campaign finished sending a keyword stays taken on
 * its sender (late replies still count); a cancelled campaign frees its keywords at once
 */
@ConfigurationProperties("sms.campaigns.keywords")
public record ReplyKeywordProperties(@DefaultValue("30d") Duration activeFor) {

}
