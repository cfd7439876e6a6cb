package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A text received from a recipient.
 *
 * @param kind a {@link ReplyKind}: OPT_OUT, OPT_IN, HELP, KEYWORD, QUERY or OTHER
 * @param reviewResult OPTED_OUT or KEPT once a person decided; null while waiting
 */
public record ReplyView(long id, String from, String body, String kind, boolean needsReview, String reviewResult,
        String reviewedBy, Long messageId, Attribution attribution, Instant receivedAt) {

}
