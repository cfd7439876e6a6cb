package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A recipient responded: a campaign's reply keyword, a query or another free text (not an
 * opt-out, opt-in or help keyword). Attributed to the campaign whose keyword it is, else
 * to the latest message sent to that number, when there is one.
 *
 * @param needsReview the reply reads like an opt-out in words and waits for a person's
 * decision
 * @param kind KEYWORD, QUERY or OTHER
 * @param keywordId the campaign keyword matched, for KEYWORD
 */
public record ReplyReceived(long replyId, String phone, String body, Long messageId, Attribution attribution,
        boolean needsReview, Instant at, ReplyKind kind, Long keywordId) {

}
