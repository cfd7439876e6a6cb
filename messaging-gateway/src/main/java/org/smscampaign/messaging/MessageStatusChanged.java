package org.smscampaign.messaging;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A message moved on: sent, delivered, failed, suppressed... Published after the change
 * is stored; statuses only move forward.
 *
 * @param price what the provider charged (negative numbers as Twilio states them are
 * turned positive), or null
 * @param recipientZone the recipient's time zone (IANA id), when the message had allowed
 * hours
 */
public record MessageStatusChanged(long messageId, Attribution attribution, Channel channel, MessageStatus status,
        Integer errorCode, BigDecimal price, String priceUnit, Instant at, String recipientZone) {

}
