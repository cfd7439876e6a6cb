package org.smscampaign.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message to send.
 *
 * @param idempotencyKey the enqueuer's key for this message: enqueueing the same key again
 * adds nothing (a launch retried after a crash)
 * @param sender the configured sender (first step of a cascade: its first step's sender)
 * @param to the recipient's number in E.164
 * @param segments how many SMS segments the body takes (for pacing and cost)
 * @param dueAt not before this moment
 * @param window the recipient's allowed hours, or null for none
 * @param cascade further channels to try when this one does not deliver in time (empty:
 * none); the message itself is the first step
 */
public record MessageRequest(String idempotencyKey, Channel channel, String sender, String to, String body,
        int segments, Instant dueAt, SendWindow window, Attribution attribution, List<ChainStep> cascade) {

    public MessageRequest {
        cascade = (cascade != null) ? List.copyOf(cascade) : List.of();
        attribution = (attribution != null) ? attribution : Attribution.NONE;
    }

    /** A plain SMS without window or cascade. */
    public static MessageRequest sms(String idempotencyKey, String sender, String to, String body, int segments,
            Instant dueAt, Attribution attribution) {
        return new MessageRequest(idempotencyKey, Channel.SMS, sender, to, body, segments, dueAt, null, attribution,
                List.of());
    }

}
