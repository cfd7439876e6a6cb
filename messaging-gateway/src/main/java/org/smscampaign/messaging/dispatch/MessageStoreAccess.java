package org.smscampaign.messaging.dispatch;

import java.util.Collection;

import org.smscampaign.messaging.Channel;

import org.springframework.stereotype.Component;

/**
 * The operations on messages the gateway's API offers outside dispatch, with their events
 * published.
 */
@Component
public class MessageStoreAccess {

    /**
     * Pauses a campaign that is not paused (again, after a resume). One row when it did.
     */
    public static final String PAUSE = """
            insert into dispatch_pause (campaign_id, reason, paused_by) values (:campaign, :reason, :by)
            on conflict (campaign_id) do update
                set reason = excluded.reason, paused_by = excluded.paused_by, paused_at = now(), resumed_at = null,
                    resumed_by = null
                where dispatch_pause.resumed_at is not null""";

    private final MessageStore store;

    private final StatusEvents statusEvents;

    MessageStoreAccess(MessageStore store, StatusEvents statusEvents) {
        this.store = store;
        this.statusEvents = statusEvents;
    }

    public int failWaitingOnChannel(String phone, Channel channel, String detail) {
        var failed = this.store.failWaitingOnChannel(phone, channel, detail);
        this.statusEvents.publish(failed);
        return failed.size();
    }

    public int failWaitingOnChannel(Collection<String> phones, Channel channel, String detail) {
        var failed = this.store.failWaitingOnChannel(phones, channel, detail);
        this.statusEvents.publish(failed);
        return failed.size();
    }

    public int suppressWaiting(Collection<String> phones, String detail) {
        var suppressed = this.store.suppressWaiting(phones, detail);
        this.statusEvents.publish(suppressed);
        return suppressed.size();
    }

    public int cancelCampaign(long campaignId, String detail) {
        var cancelled = this.store.cancelCampaign(campaignId, detail);
        this.statusEvents.publish(cancelled);
        return cancelled.size();
    }

}
