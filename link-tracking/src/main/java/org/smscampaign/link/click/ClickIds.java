package org.smscampaign.link.click;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Click ids, assigned when a hit arrives (they travel to the landing page before the hit
 * is written): 41 bits of milliseconds since 2026, 10 bits of node taken from a database
 * sequence at start, 12 bits of sequence. Unique across instances without a database
 * round trip per hit.
 */
@Component
public class ClickIds {

    private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final long node;

    private long lastMillis;

    private long sequence;

    @Autowired
    ClickIds(JdbcClient jdbc) {
        this(jdbc.sql("select nextval('link_node_seq')").query(Long.class).single() % 1024);
    }

    ClickIds(long node) {
        this.node = node;
    }

    public synchronized long next() {
        long now = System.currentTimeMillis();
        if (now < this.lastMillis) {
            now = this.lastMillis; // the clock stepped back: keep ids rising
        }
        if (now == this.lastMillis) {
            this.sequence = (this.sequence + 1) & 0xFFF;
            if (this.sequence == 0) {
                now = this.lastMillis + 1; // 4096 ids in this millisecond: borrow the
                                           // next one
            }
        }
        else {
            this.sequence = 0;
        }
        this.lastMillis = now;
        return ((now - EPOCH) << 22) | (this.node << 12) | this.sequence;
    }

    /** The moment a click id was assigned. */
    public static Instant instantOf(long id) {
        return Instant.ofEpochMilli((id >>> 22) + EPOCH);
    }

}
