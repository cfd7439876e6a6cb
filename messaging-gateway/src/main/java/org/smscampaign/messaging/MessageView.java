package org.smscampaign.messaging;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A message as people read it on its page.
 *
 * @param readAt when the channel reported it read (WhatsApp, RCS), null until then
 */
public record MessageView(long id, Attribution attribution, Channel channel, String sender, String to, String body,
        int segments, MessageStatus status, Instant dueAt, int attempts, String providerSid, Integer errorCode,
        String errorDetail, BigDecimal price, String priceUnit, BigDecimal estimatedCost, String estimateCurrency,
        Integer chainStep, Instant createdAt, Instant sentAt, Instant finalAt, Instant readAt) {

}
