package org.smscampaign.messaging.dispatch;

import java.math.BigDecimal;
import java.time.Instant;

import org.smscampaign.messaging.MessageStatus;

/**
 * How a worker leaves a message it held: its new status (QUEUED again with a retry time),
 * with what the provider said.
 */
record Completion(long id, int version, MessageStatus status, String sid, Integer errorCode, String detail,
        BigDecimal price, String priceUnit, Instant retryAt) {

}
