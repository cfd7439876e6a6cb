package org.smscampaign.link.click;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spots one address hitting many different links within seconds (a security scanner
 * following every link of many messages). Used by the single writer thread only;
 * remembers a bounded number of addresses.
 */
final class BurstDetector {

    private static final int MAX_ADDRESSES = 100_000;

    private final int threshold;

    private final long windowMillis;

    private final Map<String, Deque<long[]>> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<long[]>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    BurstDetector(int threshold, long windowMillis) {
        this.threshold = threshold;
        this.windowMillis = windowMillis;
    }

    /**
     * Records a hit. Returns the ids of the hits in the burst it completes or extends
     * (this one included), or an empty list.
     */
    List<Long> record(String address, long atMillis, long linkId, long clickId) {
        if (address == null) {
            return List.of();
        }
        Deque<long[]> hits = this.recent.computeIfAbsent(address, (a) -> new ArrayDeque<>());
        while (!hits.isEmpty() && hits.peekFirst()[0] < atMillis - this.windowMillis) {
            hits.pollFirst();
        }
        hits.addLast(new long[] { atMillis, linkId, clickId });
        Set<Long> links = new HashSet<>();
        for (long[] hit : hits) {
            links.add(hit[1]);
        }
        if (links.size() < this.threshold) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(hits.size());
        for (long[] hit : hits) {
            ids.add(hit[2]);
        }
        return ids;
    }

}
