package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A number asked not to be texted any more (a STOP keyword, the provider's opt-out, a
 * reviewed reply). Nothing more is sent to it from now on; waiting messages were
 * withdrawn.
 *
 * @param keyword the word or reason, as received
 */
public record RecipientOptedOut(String phone, String keyword, Instant at) {

}
