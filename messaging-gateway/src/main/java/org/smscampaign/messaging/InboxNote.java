package org.smscampaign.messaging;

import java.time.Instant;

/** An internal note on a conversation: never sent to the person. */
public record InboxNote(long id, String phone, String body, String writtenBy, Instant writtenAt) {

}
