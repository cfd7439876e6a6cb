package org.smscampaign.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A text of a conversation, received ({@code inbound}) or sent.
 *
 * @param id the received text's id (inbound) or the message's id (sent)
 * @param kind what a received text is (current; a person may have corrected it)
 * @param kindReason the rule that classified a received text
 * @param classifiedKind what the rules said
 * @param corrections the corrections of a received text's kind
 * @param status the delivery status of a sent message
 * @param dueAt when a sent message is due (later than now: scheduled)
 * @param answeredBy who answered from the inbox (sent messages written there)
 */
public record ConversationEntry(boolean inbound, long id, String body, Instant at, Channel channel, String kind,
        String kindReason, String classifiedKind, Instant answeredAt, List<KindCorrection> corrections,
        MessageStatus status, Instant dueAt, Long campaignId, String answeredBy) {

    public ConversationEntry {
        corrections = (corrections != null) ? List.copyOf(corrections) : List.of();
    }

    /** Whether a person changed the kind the rules gave. */
    public boolean corrected() {
        return !this.corrections.isEmpty();
    }

}
