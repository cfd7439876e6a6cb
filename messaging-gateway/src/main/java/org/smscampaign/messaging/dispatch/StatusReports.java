package org.smscampaign.messaging.dispatch;

import org.smscampaign.messaging.MessageStatus;

import org.springframework.stereotype.Component;

/** Applies the provider's status reports to messages and tells the platform. */
@Component
public class StatusReports {

    private final MessageStore store;

    private final StatusEvents statusEvents;

    private final MessagingMetrics metrics;

    StatusReports(MessageStore store, StatusEvents statusEvents, MessagingMetrics metrics) {
        this.store = store;
        this.statusEvents = statusEvents;
        this.metrics = metrics;
    }

    /**
     * One report; a status that changes nothing (duplicate, late, unknown value) is
     * ignored.
     */
    public void report(long messageId, MessageStatus status, String sid, Integer errorCode) {
        if (status == null) {
            if (!this.store.exists(messageId)) {
                this.metrics.unknownCallback();
            }
            return;
        }
        var reported = this.store.report(messageId, status, sid, errorCode);
        if (reported.isPresent()) {
            this.metrics.callbackReceived(reported.get().lag());
            this.statusEvents.publishReported(reported.get().transition(), reported.get().withdrawn());
        }
        else if (!this.store.exists(messageId)) {
            this.metrics.unknownCallback();
        }
    }

    /**
     * A read receipt: the message was delivered (if no report said so yet) and is read
     * from now on; a later one changes nothing.
     */
    public void read(long messageId, String sid) {
        report(messageId, MessageStatus.DELIVERED, sid, null);
        this.store.markRead(messageId);
    }

    public void unknownMessage() {
        this.metrics.unknownCallback();
    }

}
