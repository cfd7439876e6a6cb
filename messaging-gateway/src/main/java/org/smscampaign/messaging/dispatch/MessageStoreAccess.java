package org.smscampaign.messaging.dispatch;

import org.springframework.stereotype.Component;

/**
 * The operations on messages the gateway's API offers outside dispatch, with their events
 * published.
 */
@Component
public class MessageStoreAccess {

    private final MessageStore store;

    private final StatusEvents statusEvents;

    MessageStoreAccess(MessageStore store, StatusEvents statusEvents) {
        this.store = store;
        this.statusEvents = statusEvents;
    }

    public int cancelCampaign(long campaignId, String detail) {
        var cancelled = this.store.cancelCampaign(campaignId, detail);
        this.statusEvents.publish(cancelled);
        return cancelled.size();
    }

}
