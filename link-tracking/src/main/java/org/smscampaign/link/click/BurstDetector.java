package org.smscampaign.link.click;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spots one client hitting many different links within seconds (a security scanner
 * following every link of many messages). A client is an address and a user agent: phones
 * behind one carrier address differ in their agents, a scanner keeps its one. Used by the
 * single writer thread only; constant work per hit and bounded memory, however fast the
 * hits come.
 */
final class BurstDetector {

    private static final int MAX_CLIENTS = 100_000;

    /** Hits remembered per client: enough to see a burst of any configurable size. */
    private static final int MAX_HITS_PER_CLIENT = 64;

    private final int threshold;

    private final long windowMillis;

    private final Map<String, Client> clients = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    BurstDetector(int threshold, long windowMillis) {
        this.threshold = Math.min(threshold, MAX_HITS_PER_CLIENT);
        this.windowMillis = windowMillis;
    }

    /** The recent hits of one client, and until when it counts as bursting. */
    private static final class Client {

        final Deque<long[]> hits = new ArrayDeque<>();

        final Map<Long, Integer> linkCounts = new HashMap<>();

        long burstingUntil;

    }

    /**
     * Records a hit. Returns the ids of the hits that a burst now covers and that were
     * not reported before (this one included), or an empty list.
     */
    List<Long> record(String address, String userAgent, long atMillis, long linkId, long clickId) {
        if (address == null) {
            return List.of();
        }
        Client client = this.clients.computeIfAbsent(address + '\u0000' + userAgent, (key) -> new Client());
        while (!client.hits.isEmpty() && (client.hits.peekFirst()[0] < atMillis - this.windowMillis
                || client.hits.size() >= MAX_HITS_PER_CLIENT)) {
            forget(client, client.hits.pollFirst());
        }
        if (atMillis < client.burstingUntil) {
            client.burstingUntil = atMillis + this.windowMillis;
            return List.of(clickId);
        }
        client.hits.addLast(new long[] { atMillis, linkId, clickId });
        client.linkCounts.merge(linkId, 1, Integer::sum);
        if (client.linkCounts.size() < this.threshold) {
            return List.of();
        }
        client.burstingUntil = atMillis + this.windowMillis;
        List<Long> ids = new ArrayList<>(client.hits.size());
        for (long[] hit : client.hits) {
            ids.add(hit[2]);
        }
        client.hits.clear();
        client.linkCounts.clear();
        return ids;
    }

    private static void forget(Client client, long[] hit) {
        client.linkCounts.computeIfPresent(hit[1], (link, count) -> (count > 1) ? count - 1 : null);
    }

}
