package org.smscampaign.messaging;

import java.time.Instant;

/** A person changed what a received text is: kept, with who, when and why. */
public record KindCorrection(long replyId, ReplyKind from, ReplyKind to, String by, String note, Instant at) {

}
