package org.smscampaign.web.security.body;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bodies being received per client address, bounded: one address cannot hold every
 * request thread with bodies it never finishes.
 */
final class ClientSlots {

    private final ConcurrentMap<String, Integer> inUse = new ConcurrentHashMap<>();

    private final int perClient;

    ClientSlots(int perClient) {
        this.perClient = perClient;
    }

    boolean tryAcquire(String client) {
        boolean[] acquired = { false };
        this.inUse.compute(client, (key, count) -> {
            int current = (count != null) ? count : 0;
            if (current >= this.perClient) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    void release(String client) {
        this.inUse.computeIfPresent(client, (key, count) -> (count > 1) ? count - 1 : null);
    }

}
