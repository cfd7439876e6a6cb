package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A number asked not to be texted any more (a STOP keyword, the provider's opt-out, a
 * reviewed reply). Nothing more is sent to it from now on, on any channel; waiting
 * messages were withdrawn.
 *
 * @param detail the word received, or what the provider or person said
 * @param channel the channel the STOP came in on (SMS for opt-outs not received as text)
 */
public record RecipientOptedOut(String phone, OptOutReason reason, String detail, Instant at, Channel channel) {

    public RecipientOptedOut(String phone, OptOutReason reason, String detail, Instant at) {
        this(phone, reason, detail, at, Channel.SMS);
    }

}
