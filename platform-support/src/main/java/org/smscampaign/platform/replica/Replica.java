package org.smscampaign.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.platform.ReplicaProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The streaming replica: its connections, and whether reads may go there now (up and at
 * most {@code max-lag} behind, measured each {@code check-interval}). Metrics:
 * {@code sms_platform_replica_lag_seconds}, {@code sms_platform_replica_usable} and
 * {@code sms_platform_replica_reads_total{on=replica|primary}}.
 */
final class Replica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Replica.class);

    private final HikariDataSource pool;

    private final JdbcTemplate primary;

    private final JdbcTemplate replica;

    private final ReplicaLag lag = new ReplicaLag();

    private final Duration maxLag;

    private final Clock clock;

    private final Counter onReplica;

    private final Counter onPrimary;

    private volatile boolean wasUsable;

    Replica(HikariDataSource pool, DataSource primary, ReplicaProperties properties, Clock clock,
            MeterRegistry meters) {
        this.pool = pool;
        this.maxLag = properties.maxLag();
        this.clock = clock;
        int checkSeconds = (int) Math.max(1, properties.checkInterval().toSeconds() * 2);
        this.primary = new JdbcTemplate(primary);
        this.primary.setQueryTimeout(checkSeconds);
        this.replica = new JdbcTemplate(pool);
        this.replica.setQueryTimeout(checkSeconds);
        Gauge.builder("sms.platform.replica.lag", this, (r) -> {
            Duration behind = r.lag.at(r.clock.instant());
            return (behind != null) ? behind.toMillis() / 1000.0 : Double.NaN;
        })
            .description("How far the read replica is behind the primary (NaN: never seen current)")
            .baseUnit("seconds")
            .register(meters);
        Gauge.builder("sms.platform.replica.usable", this, (r) -> r.usable() ? 1 : 0)
            .description("1 while read-only work goes to the replica, 0 while it runs on the primary")
            .register(meters);
        this.onReplica = Counter.builder("sms.platform.replica.reads")
            .tag("on", "replica")
            .description("Connections asked for read-only work, by where they went")
            .register(meters);
        this.onPrimary = Counter.builder("sms.platform.replica.reads")
            .tag("on", "primary")
            .description("Connections asked for read-only work, by where they went")
            .register(meters);
    }

    /** Reads may go to the replica now. */
    boolean usable() {
        return this.lag.usable(this.clock.instant(), this.maxLag);
    }

    /** How far behind it is; null while it was never seen current. */
    Duration lag() {
        return this.lag.at(this.clock.instant());
    }

    /** Measures the lag now (and at each check interval). */
    @Scheduled(fixedDelayString = "${sms.platform.replica.check-interval:1s}")
    void check() {
        Instant at = this.clock.instant();
        try {
            long position = ReplicaLag
                .parse(this.primary.queryForObject("select pg_current_wal_lsn()::text", String.class));
            this.lag.primaryAt(at, position);
        }
        catch (RuntimeException ex) {
            return; // the primary's own outage: nothing to compare against
        }
        try {
            this.replica.query("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text", (rs) -> {
                if (!rs.getBoolean(1)) {
                    this.lag.current(at);
                }
                else if (rs.getString(2) != null) {
                    this.lag.replayed(ReplicaLag.parse(rs.getString(2)));
                }
            });
        }
        catch (RuntimeException ex) {
            this.lag.down();
            if (this.wasUsable) {
                log.warn("Read replica unreachable ({}): read-only work runs on the primary", ex.getMessage());
            }
        }
        noteChange();
    }

    /**
     * A connection to the replica for read-only work, or null when that work should run
     * on the primary (the replica lags, is down, or has no connection free in time).
     */
    Connection connectionOrNull() {
        if (!usable()) {
            this.onPrimary.increment();
            return null;
        }
        try {
            Connection connection = this.pool.getConnection();
            this.onReplica.increment();
            return connection;
        }
        catch (SQLException ex) {
            this.lag.down();
            this.onPrimary.increment();
            log.warn("No connection to the read replica ({}): read-only work runs on the primary", ex.getMessage());
            noteChange();
            return null;
        }
    }

    private void noteChange() {
        boolean now = usable();
        if (now != this.wasUsable) {
            this.wasUsable = now;
            Duration behind = lag();
            if (now) {
                log.info("Read replica in use: {} behind", behind);
            }
            else {
                log.warn("Read replica not in use ({}): read-only work runs on the primary",
                        this.lag.isDown() ? "down" : ("behind by " + behind + ", more than " + this.maxLag));
            }
        }
    }

    @Override
    public void close() {
        this.pool.close();
    }

}
