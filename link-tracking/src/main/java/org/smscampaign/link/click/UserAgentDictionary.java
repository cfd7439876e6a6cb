package org.smscampaign.link.click;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * User agents repeat across millions of hits, so each is stored once in
 * {@code link_user_agent} and hits carry its id. Remembers the ids of recent agents, so a
 * batch of known agents costs no query.
 */
final class UserAgentDictionary {

    /** The longest user agent stored; longer ones are cut. */
    static final int MAX_LENGTH = 512;

    private final Cache<String, Integer> ids = Caffeine.newBuilder().maximumSize(100_000).build();

    /**
     * The ids of the batch's user agents, keyed by {@link #key}; agents never seen before
     * are added to the dictionary in the caller's transaction.
     */
    Map<String, Integer> idsOf(Connection connection, List<Hit> batch) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (Hit hit : batch) {
            String agent = key(hit.userAgent());
            if (agent != null && !found.containsKey(agent)) {
                Integer id = this.ids.getIfPresent(agent);
                if (id != null) {
                    found.put(agent, id);
                }
                else {
                    unknown.add(agent);
                }
            }
        }
        if (!unknown.isEmpty()) {
            Array agents = connection.createArrayOf("varchar", unknown.toArray());
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into link_user_agent (agent) select unnest(?) on conflict (agent) do nothing")) {
                insert.setArray(1, agents);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection
                .prepareStatement("select id, agent from link_user_agent where agent = any(?)")) {
                select.setArray(1, agents);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        found.put(result.getString(2), result.getInt(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Remembers the ids of a written batch (only after its commit: an id from a rolled
     * back insert does not exist).
     */
    void remember(Map<String, Integer> written) {
        this.ids.putAll(written);
    }

    /**
     * A user agent as stored: at most {@link #MAX_LENGTH} characters, no NUL (PostgreSQL
     * refuses it in text); null when the hit had none.
     */
    static String key(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return null;
        }
        String cut = (userAgent.length() <= MAX_LENGTH) ? userAgent : userAgent.substring(0, MAX_LENGTH);
        return cut.replace('\0', ' ');
    }

}
