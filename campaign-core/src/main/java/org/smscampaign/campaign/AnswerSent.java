package org.smscampaign.campaign;

import java.time.Instant;
import java.time.LocalTime;

import org.smscampaign.messaging.Channel;

/**
 * An answer queued from the inbox.
 *
 * @param body the text as sent (merge fields rendered)
 * @param dueAt when it goes out: now, or the opening of the person's allowed hours
 * @param scheduled whether it waits for the person's allowed hours
 * @param localDue the due time on the person's clock (shown as "scheduled 08:00")
 * @param answered how many of the conversation's texts this answered first
 */
public record AnswerSent(long messageId, String body, Instant dueAt, boolean scheduled, LocalTime localDue,
        String sender, Channel channel, int answered) {

}
