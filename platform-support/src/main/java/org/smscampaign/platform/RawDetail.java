package org.smscampaign.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.smscampaign.platform.partition.PartitionMaintenance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * From when the raw detail of a table partitioned by month is still there: its months
 * older than the retention are dropped ({@link PartitionProperties#keepRawDetail()}).
 */
@Service
public class RawDetail {

    private final JdbcClient jdbc;

    private final PartitionMaintenance maintenance;

    RawDetail(JdbcClient jdbc, PartitionMaintenance maintenance) {
        this.jdbc = jdbc;
        this.maintenance = maintenance;
    }

    /**
     * Drops now the months of raw detail older than the retention (the maintenance does
     * it every {@code sms.platform.partitions.interval}); how many partitions it dropped.
     */
    public int dropExpired() {
        return this.maintenance.dropExpired(Instant.now());
    }

    /** The moment before which the table's rows were dropped; empty when none was. */
    public Optional<Instant> droppedBefore(String table) {
        return this.jdbc.sql("select dropped_before from raw_detail_dropped where table_name = :table")
            .param("table", table)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant);
    }

}
