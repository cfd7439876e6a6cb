package org.smscampaign.messaging;

import java.util.List;

/**
 * A conversation with its texts (oldest first) and internal notes.
 *
 * @param sender the configured sender an answer goes out on: the one the person last
 * wrote to (its channel)
 */
public record Conversation(ConversationSummary summary, List<ConversationEntry> entries, List<InboxNote> notes,
        String sender) {

}
