package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A number asked to be texted again (START, YES, UNSTOP).
 *
 * @param channel the channel the keyword came in on
 */
public record RecipientOptedIn(String phone, String keyword, Instant at, Channel channel) {

    public RecipientOptedIn(String phone, String keyword, Instant at) {
        this(phone, keyword, at, Channel.SMS);
    }

}
