package org.smscampaign.messaging.dispatch;

import java.math.BigDecimal;

import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageStatus;

/** A message that moved to a new status, as stored (for events and metrics). */
public record Transition(long id, MessageStatus status, Integer errorCode, BigDecimal price, String priceUnit,
        Channel channel, Attribution attribution, String to, Long chainRoot, String recipientZone) {

}
