package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A text received from a recipient.
 *
 * @param kind a {@link ReplyKind}: OPT_OUT, OPT_IN, HELP, KEYWORD, QUERY or OTHER
 * @param reviewResult OPTED_OUT or KEPT once a person decided; null while waiting
 * @param classifiedKind what the rules said (kind differs once a person corrected it)
 * @param kindReason the rule or keyword that decided, in words
 * @param answeredAt when a person first answered it from the inbox
 * @param to the sender's address the person wrote to
 */
public record ReplyView(long id, String from, String body, String kind, boolean needsReview, String reviewResult,
        String reviewedBy, Long messageId, Attribution attribution, Instant receivedAt, String classifiedKind,
        String kindReason, Instant answeredAt, Channel channel, String to) {

}
