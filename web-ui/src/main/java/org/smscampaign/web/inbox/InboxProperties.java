package org.smscampaign.web.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox's live updates.
 *
 * @param pollInterval how often an open inbox page asks for changes when the live stream
 * is unavailable (and, slower, besides it: another instance's texts)
 * @param streamTimeout how long one live stream stays open before the browser reconnects
 */
@ConfigurationProperties("sms.web.inbox")
public record InboxProperties(@DefaultValue("15s") Duration pollInterval, @DefaultValue("30m") Duration streamTimeout) {

}
