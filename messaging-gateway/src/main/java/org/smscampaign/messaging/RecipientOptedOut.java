package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A number asked not to be texted any more (a STOP keyword, the provider's opt-out, a
 * reviewed reply). Nothing more is sent to it from now on; waiting messages were
 * withdrawn.
 *
 * @param detail the word received, or what the provider or person said
 */
public record RecipientOptedOut(String phone, OptOutReason reason, String detail, Instant at) {

}
