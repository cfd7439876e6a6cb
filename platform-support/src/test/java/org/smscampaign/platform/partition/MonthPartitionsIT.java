package org.smscampaign.platform.partition;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.smscampaign.platform.MonthPartitionedTable;
import org.smscampaign.platform.PlatformTestApplication;
import org.smscampaign.platform.partition.LegacyMove.Step;
import org.smscampaign.testsupport.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/platform-test" })
@PostgresTest
class MonthPartitionsIT {

    private static final MonthPartitionedTable SAMPLE = new MonthPartitionedTable("sample_event", "at", "id", true);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PartitionCatalog catalog;

    @Autowired
    PartitionMaintenance maintenance;

    @Test
    void monthsFromTheRetentionToThreeAheadAreReadyAndATimeRangeReadsOnlyItsMonths() {
        Instant now = Instant.now();
        List<PartitionCatalog.Partition> partitions = this.catalog.leaves("sample_event");
        assertThat(partitions.get(0).lower()).isBeforeOrEqualTo(this.maintenance.keptFrom(now));
        assertThat(partitions.get(partitions.size() - 1).upper())
            .isAfter(now.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant());
        this.jdbc.sql(
                "insert into sample_event (subject, value, at) values (1, 1, now()), (1, 2, now() - interval '12 months')")
            .update();

        String plan = String.join("\n", this.jdbc
            .sql("""
                    explain select count(*) from sample_event
                    where subject = 1 and at >= date_trunc('month', now(), 'UTC') and at < date_trunc('month', now(), 'UTC') + interval '1 month'""")
            .query(String.class)
            .list());
        String month = "sample_event_"
                + now.atOffset(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().toString().replace("-", "");
        assertThat(plan).contains(month);
        assertThat(plan.split(" Scan ", -1)).as("one partition in the plan:\n" + plan).hasSize(2);
        assertThat(plan).contains("Subplans Removed");
    }

    @Test
    void rawDetailIsDroppedAWholeMonthAtATimeOnceOlderThanTheRetention() {
        Instant now = Instant.now();
        this.jdbc.sql("insert into sample_event (subject, value, at) values (2, 1, :old), (2, 2, :young)")
            .param("old", java.sql.Timestamp.from(this.maintenance.keptFrom(now).plus(1, ChronoUnit.DAYS)))
            .param("young", java.sql.Timestamp.from(now))
            .update();
        int before = this.catalog.leaves("sample_event").size();

        // Two months later the month of the old row has ended more than 13 months ago.
        Instant later = now.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant();
        this.maintenance.dropExpired(later);

        List<PartitionCatalog.Partition> left = this.catalog.leaves("sample_event");
        assertThat(left).hasSizeBetween(before - 3, before - 1);
        assertThat(left).allMatch((partition) -> partition.upper().isAfter(this.maintenance.keptFrom(later)));
        assertThat(this.jdbc.sql("select value from sample_event where subject = 2").query(Integer.class).list())
            .containsExactly(2);
        this.maintenance.ensure(later);
        assertThat(this.catalog.leaves("sample_event").get(0).lower())
            .isBeforeOrEqualTo(this.maintenance.keptFrom(later));
    }

    @Test
    void anOldTableIsMovedIntoMonthlyPartitionsWhileRowsAreWrittenAndEveryRowIsThereOnce() throws Exception {
        MonthPartitionedTable events = new MonthPartitionedTable("legacy_event", "at", "id", false);
        convertInPlace(30_000);
        LegacyMove move = new LegacyMove(events, this.catalog, this.jdbc, this.transaction);

        // Writers go on during the move: new rows (now), changes and deletions of old
        // ones,
        // each mirrored in the same transaction into a plain table to compare with.
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                long id = ThreadLocalRandom.current().nextLong(1, 30_000);
                this.transaction.executeWithoutResult((status) -> {
                    this.jdbc.sql("update legacy_event set value = value + 1 where id = :id").param("id", id).update();
                    this.jdbc.sql("delete from legacy_event where id = :gone").param("gone", id + 1).update();
                    this.jdbc.sql("insert into legacy_event (subject, value, at) values (:id, 0, now())")
                        .param("id", id)
                        .update();
                    this.jdbc.sql("update event_mirror set value = value + 1 where id = :id").param("id", id).update();
                    this.jdbc.sql("delete from event_mirror where id = :gone").param("gone", id + 1).update();
                    this.jdbc
                        .sql("""
                                insert into event_mirror select * from legacy_event
                                where id = (select max(id) from legacy_event where subject = :id and at > now() - interval '1 hour')""")
                        .param("id", id)
                        .update();
                });
                writes.incrementAndGet();
            }
        }, "legacy-writer");
        writer.start();
        Step step;
        int steps = 0;
        do {
            step = move.step(1_000, Instant.EPOCH);
            steps++;
        }
        while (step != Step.SWAPPED && steps < 1_000);
        writing.set(false);
        writer.join(30_000);

        assertThat(step).isEqualTo(Step.SWAPPED);
        assertThat(writes.get()).as("writes during the move").isGreaterThan(10);
        assertThat(move.legacy()).isEmpty();
        assertThat(
                this.jdbc.sql("select count(*) from (select * from legacy_event except select * from event_mirror) d")
                    .query(Long.class)
                    .single())
            .isZero();
        assertThat(
                this.jdbc.sql("select count(*) from (select * from event_mirror except select * from legacy_event) d")
                    .query(Long.class)
                    .single())
            .isZero();
        assertThat(this.jdbc.sql("select count(*) - count(distinct id) from legacy_event").query(Long.class).single())
            .isZero();
        List<PartitionCatalog.Partition> leaves = this.catalog.leaves("legacy_event");
        assertThat(leaves).extracting(PartitionCatalog.Partition::parent)
            .anyMatch((parent) -> parent.startsWith("legacy_event_before_"));
        assertThat(leaves).noneMatch((partition) -> partition.name().equals("legacy_event_legacy"));
        assertThat(move.step(1_000, Instant.EPOCH)).isEqualTo(Step.DONE);
    }

    @Test
    void theSwapWaitsForABusyTableInsteadOfHoldingEveryoneUp() throws Exception {
        MonthPartitionedTable events = new MonthPartitionedTable("legacy_event", "at", "id", false);
        convertInPlace(2_000);
        LegacyMove move = new LegacyMove(events, this.catalog, this.jdbc, this.transaction);
        try (Connection reader = this.dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("select count(*) from legacy_event");
            }
            Step step;
            do {
                step = move.step(1_000, Instant.EPOCH);
            }
            while (step == Step.SET_UP || step == Step.COPIED);
            assertThat(step).isEqualTo(Step.WAITING);
            reader.rollback();
        }
        assertThat(move.step(1_000, Instant.EPOCH)).isEqualTo(Step.SWAPPED);
        assertThat(this.jdbc.sql("select count(*) from legacy_event").query(Long.class).single()).isEqualTo(2_000);
    }

    /**
     * legacy_event as a module's migration leaves an install that had rows: the old table
     * attached as the partition of everything before a cut-over, monthly partitions
     * after.
     */
    private void convertInPlace(int rows) {
        this.jdbc.sql("drop table if exists legacy_event, legacy_event_legacy, event_mirror cascade").update();
        this.jdbc.sql("delete from partition_move where table_name = 'legacy_event'").update();
        this.jdbc.sql("drop table if exists legacy_event_legacy_changes").update();
        for (String leftover : this.jdbc
            .sql("select relname from pg_class where relname like 'legacy_event_before_%' and relkind = 'p'")
            .query(String.class)
            .list()) {
            this.jdbc.sql("drop table " + leftover + " cascade").update();
        }
        this.jdbc.sql("drop sequence if exists legacy_event_seq").update();
        this.jdbc.sql("create sequence legacy_event_seq").update();
        this.jdbc
            .sql("""
                    create table legacy_event (id bigint primary key default nextval('legacy_event_seq'), subject bigint not null,
                        value integer not null, at timestamptz not null)""")
            .update();
        this.jdbc.sql("create index legacy_event_subject_idx on legacy_event (subject, at)").update();
        this.jdbc.sql("""
                insert into legacy_event (subject, value, at)
                select g % 100, 0, now() - (g * interval '4 minutes') from generate_series(1, :rows) g""")
            .param("rows", rows)
            .update();
        this.jdbc.sql("create table event_mirror as select * from legacy_event").update();
        String cutover = this.jdbc.sql("select (date_trunc('day', now(), 'UTC') + interval '2 days')::text")
            .query(String.class)
            .single();
        this.jdbc
            .sql("alter table legacy_event add constraint legacy_event_before_cutover check (at < '" + cutover
                    + "'::timestamptz) not valid")
            .update();
        this.jdbc.sql("alter table legacy_event validate constraint legacy_event_before_cutover").update();
        this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("alter table legacy_event rename to legacy_event_legacy").update();
            this.jdbc.sql("alter index legacy_event_subject_idx rename to legacy_event_legacy_subject_idx").update();
            this.jdbc.sql(
                    "create table legacy_event (like legacy_event_legacy including defaults including constraints) partition by range (at)")
                .update();
            this.jdbc.sql("alter table legacy_event drop constraint legacy_event_before_cutover").update();
            this.jdbc.sql("create index legacy_event_subject_idx on legacy_event (subject, at)").update();
            this.jdbc.sql("""
                    alter table legacy_event attach partition legacy_event_legacy
                    for values from (minvalue) to ('%s')""".formatted(cutover)).update();
            this.jdbc.sql(
                    "select ensure_month_partitions('legacy_event', 'id', cast(:cutover as timestamptz), now() + interval '3 months')")
                .param("cutover", cutover)
                .query(Integer.class)
                .single();
        });
    }

}
