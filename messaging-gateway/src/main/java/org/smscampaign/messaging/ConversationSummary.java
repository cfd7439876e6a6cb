package org.smscampaign.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One conversation of the inbox: everything received from and sent to one number.
 *
 * @param contactId the contact the latest texts were attributed to, if any
 * @param campaignIds the campaigns of texts from or to the number
 * @param lastText the latest text received
 * @param lastActivity the latest text received or sent
 * @param waiting queries not yet answered
 * @param needsAnswer waiting or flagged by a person, and not done
 * @param done closed until the next text arrives
 */
public record ConversationSummary(String phone, Long contactId, List<Long> campaignIds, String lastText,
        Instant lastActivity, int waiting, boolean needsAnswer, boolean done, String assignedTo, boolean flagged,
        Channel channel) {

}
