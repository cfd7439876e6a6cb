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
 * @param segments how many SMS segments the body takes (for pacing and cost; WhatsApp and
 * RCS are billed per message)
 * @param dueAt not before this moment
 * @param window the recipient's allowed hours, or null for none
 * @param cascade the channels to try in turn when one does not deliver in time, this
 * message's own channel and sender first (empty: this channel only)
 * @param template the approved template this message is sent as (WhatsApp), or null for
 * the free text of body
 * @param stepTexts what each step of the cascade sends, by step (the first is this
 * message's own); empty: every step sends body
 */
public record MessageRequest(Long messageId, String idempotencyKey, Channel channel, String sender, String to,
        String body, int segments, Instant dueAt, SendWindow window, Attribution attribution, List<ChainStep> cascade,
        TemplateContent template, List<StepText> stepTexts) {

    public MessageRequest {
        cascade = (cascade != null) ? List.copyOf(cascade) : List.of();
        stepTexts = (stepTexts != null) ? List.copyOf(stepTexts) : List.of();
        attribution = (attribution != null) ? attribution : Attribution.NONE;
        if (!cascade.isEmpty() && (cascade.get(0).channel() != channel || !cascade.get(0).sender().equals(sender))) {
            throw new IllegalArgumentException("A cascade starts with the message's own channel and sender");
        }
        if (!stepTexts.isEmpty() && stepTexts.size() != cascade.size()) {
            throw new IllegalArgumentException("A cascade has one text per step");
        }
    }

    /** A message without template or per-step texts. */
    public MessageRequest(Long messageId, String idempotencyKey, Channel channel, String sender, String to, String body,
            int segments, Instant dueAt, SendWindow window, Attribution attribution, List<ChainStep> cascade) {
        this(messageId, idempotencyKey, channel, sender, to, body, segments, dueAt, window, attribution, cascade, null,
                List.of());
    }

    /** A plain SMS without window or cascade. */
    public static MessageRequest sms(String idempotencyKey, String sender, String to, String body, int segments,
            Instant dueAt, Attribution attribution) {
        return new MessageRequest(null, idempotencyKey, Channel.SMS, sender, to, body, segments, dueAt, null,
                attribution, List.of());
    }

}
