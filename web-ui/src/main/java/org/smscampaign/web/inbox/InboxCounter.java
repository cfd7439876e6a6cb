package org.smscampaign.web.inbox;

import org.smscampaign.messaging.Conversations;

import org.springframework.stereotype.Component;

/**
 * The navbar's inbox counter: conversations waiting for an answer (the layout calls it).
 */
@Component("inboxCounter")
class InboxCounter {

    private final Conversations conversations;

    InboxCounter(Conversations conversations) {
        this.conversations = conversations;
    }

    public long waiting() {
        return this.conversations.waiting();
    }

}
