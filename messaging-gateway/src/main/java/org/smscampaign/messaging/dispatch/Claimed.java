package org.smscampaign.messaging.dispatch;

import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.messaging.TemplateContent;

/**
 * A message held by this worker: its fencing version and how long the lease has left by
 * the database clock.
 *
 * @param template the approved template it goes as, or null for its free text
 */
record Claimed(long id, int version, Channel channel, String to, String body, int segments, int attempts,
        SendWindow window, Attribution attribution, long leaseLeftMillis, TemplateContent template) {

    Claimed(long id, int version, Channel channel, String to, String body, int segments, int attempts,
            SendWindow window, Attribution attribution, long leaseLeftMillis) {
        this(id, version, channel, to, body, segments, attempts, window, attribution, leaseLeftMillis, null);
    }

}
