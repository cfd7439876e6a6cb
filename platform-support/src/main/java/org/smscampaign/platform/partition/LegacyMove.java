package org.smscampaign.platform.partition;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.platform.MonthPartitionedTable;
import org.smscampaign.platform.partition.PartitionCatalog.Partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.smscampaign.platform.partition.PartitionCatalog.quoted;

/**
 * Moves the rows of a table converted in place (its old table attached as the partition
 * {@code
 *
<table>
 * _legacy} of everything before a cut-over) into monthly partitions while the platform
 * runs, as pg_repack moves a table: the rows are copied in batches into a partitioned
 * table of the same months ({@code
 *
<table>
 * _before_<cut-over>}) while a trigger on the old table writes down every row written
 * there meanwhile; those are copied again, and one short transaction (the partitioned
 * table locked for it, waiting at most {@link #LOCK_TIMEOUT}) copies the last of them,
 * detaches the old table, attaches the new one in its place (its partitions' bounds prove
 * its range: no row is read) and drops the old. Every row is visible exactly once at
 * every moment. Rows of raw detail older than the retention are not copied. Each step is
 * a transaction of its own: a crash resumes from the last batch.
 */
class LegacyMove {

    private static final Logger log = LoggerFactory.getLogger(LegacyMove.class);

    static final String LOCK_TIMEOUT = "2s";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final MonthPartitionedTable table;

    private final PartitionCatalog catalog;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    LegacyMove(MonthPartitionedTable table, PartitionCatalog catalog, JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.table = table;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The old table, while it is a partition of the table. */
    Optional<Partition> legacy() {
        return this.catalog.leaves(this.table.name())
            .stream()
            .filter((partition) -> partition.name().equals(legacyName())
                    && partition.parent().equals(this.table.name()))
            .findFirst();
    }

    /**
     * One step: sets the move up, copies a batch, copies again rows written meanwhile, or
     * swaps. Returns what it did; {@link Step#DONE} when there is nothing (left) to move.
     * @param keptFrom rows of raw detail before it are not copied
     */
    Step step(int batch, Instant keptFrom) {
        Optional<Partition> legacy = legacy();
        if (legacy.isEmpty()) {
            this.transaction.executeWithoutResult((status) -> forgetUnfinished());
            return Step.DONE;
        }
        Instant cutover = legacy.get().upper();
        Instant from = this.table.rawDetail() ? keptFrom : Instant.EPOCH.minusSeconds(1);
        Long through = this.jdbc.sql("select copied_through from partition_move where table_name = :table")
            .param("table", this.table.name())
            .query(Long.class)
            .optional()
            .orElse(null);
        if (through == null) {
            this.transaction.executeWithoutResult((status) -> setUp(cutover, from));
            return Step.SET_UP;
        }
        Long last = this.transaction.execute((status) -> copy(through, batch, from, cutover));
        if (last != null) {
            return Step.COPIED;
        }
        int again = this.transaction.execute((status) -> copyChanged(batch, from, cutover));
        if (again >= batch) {
            return Step.COPIED;
        }
        return Boolean.TRUE.equals(this.transaction.execute((status) -> {
            boolean swapped = swap(batch, from, cutover);
            if (!swapped) {
                status.setRollbackOnly();
            }
            return swapped;
        })) ? Step.SWAPPED : Step.WAITING;
    }

    /**
     * A move whose old table is gone (its rows all expired and it was dropped): what it
     * left is dropped too.
     */
    private void forgetUnfinished() {
        List<String> moved = this.jdbc.sql("delete from partition_move where table_name = :table returning moved_table")
            .param("table", this.table.name())
            .query(String.class)
            .list();
        for (String table : moved) {
            this.jdbc.sql("drop table if exists " + quoted(table)).update();
            this.jdbc.sql("drop table if exists " + quoted(changesName())).update();
        }
    }

    private void setUp(Instant cutover, Instant from) {
        String moved = movedName(cutover);
        String columns = columns();
        // The table's checks, indexes and foreign keys, so that attaching it reads no
        // row.
        this.jdbc
            .sql("create table " + quoted(moved) + " (like " + quoted(this.table.name())
                    + " including defaults including constraints) partition by range ("
                    + quoted(this.table.timeColumn()) + ")")
            .update();
        for (String foreignKey : this.jdbc
            .sql("select pg_get_constraintdef(oid) from pg_constraint where conrelid = cast(:table as regclass) "
                    + "and contype = 'f' order by conname")
            .param("table", this.table.name())
            .query(String.class)
            .list()) {
            this.jdbc.sql("alter table " + quoted(moved) + " add " + foreignKey).update();
        }
        Timestamp oldest = this.jdbc
            .sql("select min(" + quoted(this.table.timeColumn()) + ") from " + quoted(legacyName()) + " where "
                    + quoted(this.table.timeColumn()) + " >= :from")
            .param("from", Timestamp.from(from))
            .query((row, i) -> row.getTimestamp(1))
            .list()
            .get(0);
        Instant first = (oldest != null) ? oldest.toInstant() : cutover;
        // Rows written later before the first month (they are rare) still find a
        // partition.
        Instant firstMonth = monthStart(first).isBefore(cutover) ? monthStart(first) : cutover;
        this.jdbc
            .sql("create table " + quoted(moved + "_older") + " partition of " + quoted(moved) + " (primary key ("
                    + quoted(this.table.localKey()) + ")) for values from (minvalue) to ('" + firstMonth + "')")
            .update();
        this.jdbc.sql("select ensure_month_partitions(cast(:moved as regclass), :key, :from, :cutover, :cutover)")
            .param("moved", moved)
            .param("key", this.table.localKey())
            .param("from", Timestamp.from(monthStart(first)))
            .param("cutover", Timestamp.from(cutover))
            .query(Integer.class)
            .single();
        for (String index : parentIndexes()) {
            this.jdbc.sql(index.replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+ ",
                    "CREATE $1INDEX ON " + quoted(moved).replace("$", "\\$") + " "))
                .update();
        }
        this.jdbc.sql("create table " + quoted(changesName()) + " (id bigint not null)").update();
        this.jdbc
            .sql("create trigger legacy_changes after insert or update or delete on " + quoted(legacyName())
                    + " for each row execute function log_legacy_change('" + changesName() + "', '"
                    + this.table.localKey() + "')")
            .update();
        this.jdbc.sql("insert into partition_move (table_name, moved_table) values (:table, :moved)")
            .param("table", this.table.name())
            .param("moved", moved)
            .update();
        log.info("Moving the rows of {} into monthly partitions ({} columns), from {} to {}", legacyName(),
                columns.split(",").length, first, cutover);
    }

    /** Copies the next batch by key; the last key copied, null when none was left. */
    private Long copy(long through, int batch, Instant from, Instant cutover) {
        String columns = columns();
        Long last = this.jdbc
            .sql("""
                    with batch as (select %1$s from %2$s where %3$s > :through order by %3$s limit :batch),
                         copied as (insert into %4$s (%1$s) select %1$s from batch where %5$s >= :from on conflict do nothing)
                    select max(%3$s) from batch"""
                .formatted(columns, quoted(legacyName()), quoted(this.table.localKey()), quoted(movedName(cutover)),
                        quoted(this.table.timeColumn())))
            .param("through", through)
            .param("batch", batch)
            .param("from", Timestamp.from(from))
            .query((row, i) -> row.getObject(1, Long.class))
            .list()
            .get(0);
        if (last != null) {
            this.jdbc.sql("update partition_move set copied_through = :last where table_name = :table")
                .param("last", last)
                .param("table", this.table.name())
                .update();
        }
        return last;
    }

    /**
     * Copies again up to a batch of the rows written since they were copied (as they are
     * now, or not at all if deleted); how many keys it took.
     */
    private int copyChanged(int batch, Instant from, Instant cutover) {
        List<Long> keys = this.jdbc
            .sql("delete from " + quoted(changesName()) + " where id in (select id from " + quoted(changesName())
                    + " limit :batch) returning id")
            .param("batch", batch)
            .query(Long.class)
            .list();
        if (keys.isEmpty()) {
            return 0;
        }
        Long[] distinct = keys.stream().distinct().toArray(Long[]::new);
        String key = quoted(this.table.localKey());
        this.jdbc.sql("delete from " + quoted(movedName(cutover)) + " where " + key + " = any(:keys)")
            .param("keys", distinct)
            .update();
        String columns = columns();
        this.jdbc
            .sql("insert into " + quoted(movedName(cutover)) + " (" + columns + ") select " + columns + " from "
                    + quoted(legacyName()) + " where " + key + " = any(:keys) and " + quoted(this.table.timeColumn())
                    + " >= :from")
            .param("keys", distinct)
            .param("from", Timestamp.from(from))
            .update();
        return keys.size();
    }

    /**
     * Locks the table (at most {@link #LOCK_TIMEOUT}, then false: tried again later),
     * copies the last changed rows and puts the moved rows in the old table's place.
     */
    private boolean swap(int batch, Instant from, Instant cutover) {
        this.jdbc.sql("select set_config('lock_timeout', :timeout, true)")
            .param("timeout", LOCK_TIMEOUT)
            .query(String.class)
            .single();
        try {
            this.jdbc.sql("lock table " + quoted(this.table.name()) + " in access exclusive mode").update();
        }
        catch (RuntimeException ex) {
            log.info("Moving {}: the table stayed busy for {}, trying again later", legacyName(), LOCK_TIMEOUT);
            return false;
        }
        while (copyChanged(batch, from, cutover) > 0) {
            // Nothing is written meanwhile: the table is locked.
        }
        String moved = movedName(cutover);
        this.jdbc.sql("alter table " + quoted(this.table.name()) + " detach partition " + quoted(legacyName()))
            .update();
        this.jdbc
            .sql("alter table " + quoted(this.table.name()) + " attach partition " + quoted(moved)
                    + " for values from (minvalue) to ('" + cutover + "')")
            .update();
        this.jdbc.sql("drop table " + quoted(legacyName())).update();
        this.jdbc.sql("drop table " + quoted(changesName())).update();
        this.jdbc.sql("delete from partition_move where table_name = :table")
            .param("table", this.table.name())
            .update();
        log.info("Moved the rows of {} into the monthly partitions of {}", legacyName(), moved);
        return true;
    }

    private List<String> parentIndexes() {
        return this.jdbc
            .sql("select pg_get_indexdef(indexrelid) from pg_index where indrelid = cast(:table as regclass) "
                    + "order by indexrelid")
            .param("table", this.table.name())
            .query(String.class)
            .list();
    }

    private String columns() {
        return String.join(", ", this.jdbc.sql("""
                select quote_ident(attname) from pg_attribute
                where attrelid = cast(:table as regclass) and attnum > 0 and not attisdropped order by attnum""")
            .param("table", this.table.name())
            .query(String.class)
            .list());
    }

    private String legacyName() {
        return this.table.name() + "_legacy";
    }

    private String changesName() {
        return this.table.name() + "_legacy_changes";
    }

    private String movedName(Instant cutover) {
        return this.table.name() + "_before_" + DAY.format(cutover);
    }

    private static Instant monthStart(Instant at) {
        return at.atOffset(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    enum Step {

        SET_UP, COPIED, WAITING, SWAPPED, DONE

    }

}
