package org.smscampaign.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message to send.
 *
 * @param idempotencyKey the enqueuer's key for this message: enqueueing the same key
 * again adds nothing (a launch retried after a crash)
 * @param sender the configured sender (first step of a cascade: its first step's sender)
 * @param to the recipient's number in E.164
 * @param segments how many SMS segments the body takes (for pacing and cost)
 * @param dueAt not before this moment
 * @param window the recipient's allowed hours, or null for none
 * @param cascade the channels to try in turn when one does not deliver in time, this
 * message's own channel and sender first (empty: this channel only)
 */
public record MessageRequest(Long messageId, String idempotencyKey, Channel channel, String sender, String to,
        String body, int segments, Instant dueAt, SendWindow window, Attribution attribution, List<ChainStep> cascade) {

    public MessageRequest {
        cascade = (cascade != null) ? List.copyOf(cascade) : List.of();
        attribution = (attribution != null) ? attribution : Attribution.NONE;
        if (!cascade.isEmpty() && (cascade.get(0).channel() != channel || !cascade.get(0).sender().equals(sender))) {
            throw new IllegalArgumentException("A cascade starts with the message's own channel and sender");
        }
    }

    /** A plain SMS without window or cascade. */
    public static MessageRequest sms(String idempotencyKey, String sender, String to, String body, int segments,
            Instant dueAt, Attribution attribution) {
        return new MessageRequest(null, idempotencyKey, Channel.SMS, sender, to, body, segments, dueAt, null,
                attribution, List.of());
    }

}
