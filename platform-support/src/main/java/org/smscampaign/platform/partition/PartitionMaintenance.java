package org.smscampaign.platform.partition;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.platform.MonthPartitionedTable;
import org.smscampaign.platform.PartitionProperties;
import org.smscampaign.platform.partition.PartitionCatalog.Partition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the partitions of every {@link MonthPartitionedTable}: at start, before anything
 * writes, and then every {@code sms.platform.partitions.interval}, the months from the
 * retention's start to {@code months-ahead} beyond the current one exist, and the
 * partitions of raw detail that ended longer ago than {@code keep-raw-detail} are
 * detached (without blocking the others) and dropped. Instances take turns (advisory
 * lock).
 */
@Component
public class PartitionMaintenance implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

    private static final long LOCK = 0x706172745f6d6fL; // "part_mo"

    private final List<MonthPartitionedTable> tables;

    private final PartitionCatalog catalog;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final PartitionProperties properties;

    private final Clock clock;

    private final Counter dropped;

    PartitionMaintenance(ObjectProvider<MonthPartitionedTable> tables, PartitionCatalog catalog, JdbcClient jdbc,
            TransactionTemplate transaction, PartitionProperties properties, ObjectProvider<Clock> clock,
            MeterRegistry meters) {
        this.tables = tables.orderedStream().toList();
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.dropped = Counter.builder("sms.platform.partitions.dropped")
            .description("Partitions of raw detail dropped after their retention")
            .register(meters);
    }

    /** At start: every table can take rows of now before the first write. */
    @Override
    public void afterSingletonsInstantiated() {
        ensure(this.clock.instant());
    }

    @Scheduled(fixedDelayString = "${sms.platform.partitions.interval:1h}",
            initialDelayString = "${sms.platform.partitions.interval:1h}")
    void run() {
        Instant now = this.clock.instant();
        try {
            ensure(now);
            dropExpired(now);
        }
        catch (RuntimeException ex) {
            log.warn("Keeping the partitions failed (tried again in {}): {}", this.properties.interval(),
                    ex.getMessage());
        }
    }

    /** Creates the months missing from the retention's start to months-ahead. */
    void ensure(Instant now) {
        Instant from = keptFrom(now);
        Instant to = now.atOffset(ZoneOffset.UTC).plusMonths(this.properties.monthsAhead() + 1L).toInstant();
        this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            for (MonthPartitionedTable table : this.tables) {
                int created = this.catalog.ensure(table, from, to);
                if (created > 0) {
                    log.info("Created {} monthly partitions of {}", created, table.name());
                }
            }
        });
    }

    /**
     * Drops the partitions of raw detail whose every row is older than the retention: a
     * whole month is kept until its last day is {@code keep-raw-detail} old.
     */
    public int dropExpired(Instant now) {
        int dropped = 0;
        Instant cutoff = keptFrom(now);
        for (MonthPartitionedTable table : this.tables) {
            if (!table.rawDetail()) {
                continue;
            }
            for (Partition partition : this.catalog.leaves(table.name())) {
                if (partition.upper() != null && !partition.upper().isAfter(cutoff)) {
                    this.catalog.detach(partition);
                    this.catalog.drop(partition.name());
                    this.jdbc
                        .sql("""
                                insert into raw_detail_dropped (table_name, dropped_before) values (:table, :before)
                                on conflict (table_name) do update
                                    set dropped_before = greatest(raw_detail_dropped.dropped_before, excluded.dropped_before)""")
                        .param("table", table.name())
                        .param("before", java.sql.Timestamp.from(partition.upper()))
                        .update();
                    this.dropped.increment();
                    dropped++;
                    log.info("Dropped {} ({} to {}): older than {}", partition.name(), partition.lower(),
                            partition.upper(), this.properties.keepRawDetail());
                }
            }
        }
        return dropped;
    }

    /** The first moment whose raw detail is kept. */
    Instant keptFrom(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(this.properties.keepRawDetail()).toInstant();
    }

}
