package org.smscampaign.link.click;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.cursors.LongCursor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.stereotype.Component;

/**
 * When the messages behind hits were delivered, for the writer's classification. Most
 * hits come after delivery, and a delivery time never changes, so known ones are
 * remembered; that a message is not delivered yet is remembered for a second only. A
 * receipt handled by this instance is known at once; one handled by another instance
 * within that second is caught by the reclassification of {@code LinkDeliveries} only for
 * hits written before it.
 */
@Component
public class DeliveryTimes {

    private static final long NOT_DELIVERED = -1;

    private static final Duration NOT_DELIVERED_TIME = Duration.ofSeconds(1);

    private static final Duration DELIVERED_TIME = Duration.ofHours(1);

    private final Cache<Long, Long> times = Caffeine.newBuilder()
        .maximumSize(1_000_000)
        .expireAfter(new Expiry<Long, Long>() {
            @Override
            public long expireAfterCreate(Long message, Long deliveredAt, long now) {
                return ((deliveredAt == NOT_DELIVERED) ? NOT_DELIVERED_TIME : DELIVERED_TIME).toNanos();
            }

            @Override
            public long expireAfterUpdate(Long message, Long deliveredAt, long now, long current) {
                return expireAfterCreate(message, deliveredAt, now);
            }

            @Override
            public long expireAfterRead(Long message, Long deliveredAt, long now, long current) {
                return (deliveredAt == NOT_DELIVERED) ? current : DELIVERED_TIME.toNanos();
            }
        })
        .build();

    /** A receipt was recorded (by this instance). */
    public void delivered(long messageId, long deliveredAtMillis) {
        this.times.asMap()
            .merge(messageId, deliveredAtMillis,
                    (known, given) -> (known == NOT_DELIVERED) ? given : Math.min(known, given));
    }

    /**
     * The delivery times (epoch milliseconds) of the batch's messages that were
     * delivered.
     */
    Map<Long, Long> of(Connection connection, List<Hit> batch) throws SQLException {
        Map<Long, Long> delivered = new HashMap<>();
        LongHashSet unknown = new LongHashSet();
        for (Hit hit : batch) {
            if (hit.messageId() != null && !delivered.containsKey(hit.messageId())) {
                Long known = this.times.getIfPresent(hit.messageId());
                if (known == null) {
                    unknown.add(hit.messageId());
                }
                else if (known != NOT_DELIVERED) {
                    delivered.put(hit.messageId(), known);
                }
            }
        }
        if (unknown.isEmpty()) {
            return delivered;
        }
        try (PreparedStatement statement = connection
            .prepareStatement("select message_id, delivered_at from link_delivery where message_id = any(?)")) {
            statement.setObject(1, unknown.toArray());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long message = result.getLong(1);
                    long at = result.getTimestamp(2).getTime();
                    delivered.put(message, at);
                    this.times.put(message, at);
                    unknown.remove(message);
                }
            }
        }
        for (LongCursor message : unknown) {
            this.times.asMap().putIfAbsent(message.value, NOT_DELIVERED);
        }
        return delivered;
    }

}
