package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A sender's queue now: messages due (not waiting for a paused campaign), the oldest due
 * time among them, and the last time the sender handed a message to the provider.
 *
 * @param lastSentAt null when the sender never sent
 */
public record SenderQueue(String sender, long due, Instant oldestDueAt, Instant lastSentAt) {

}
