package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A recipient answered with free text (not a keyword). Attributed to the latest message
 * sent to that number, when there is one.
 *
 * @param needsReview the reply reads like an opt-out in words and waits for a person's
 * decision
 */
public record ReplyReceived(long replyId, String phone, String body, Long messageId, Attribution attribution,
        boolean needsReview, Instant at) {

}
