package org.smscampaign.messaging.dispatch;

import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.SendWindow;

/**
 * A message held by this worker: its fencing version and how long the lease has left by
 * the database clock.
 */
record Claimed(long id, int version, Channel channel, String to, String body, int segments, int attempts,
        SendWindow window, Attribution attribution, long leaseLeftMillis) {

}
