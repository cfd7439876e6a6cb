package org.smscampaign.messaging;

import java.time.Instant;

/** One line of a message's history. */
public record MessageEventView(MessageStatus status, Integer errorCode, String detail, String source, Instant at) {

}
