package org.smscampaign.platform.partition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.smscampaign.platform.MonthPartitionedTable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database knows of a partitioned table: its partitions with their bounds (read
 * from the catalog, so partitions made by hand count too), and the statements that add
 * and drop them.
 */
@Component
class PartitionCatalog {

    private final JdbcClient jdbc;

    PartitionCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the missing monthly partitions between two moments (the function of
     * platform-support's migration); how many it created.
     */
    int ensure(MonthPartitionedTable table, Instant from, Instant to) {
        return this.jdbc.sql("select ensure_month_partitions(cast(:table as regclass), :key, :from, :to)")
            .param("table", table.name())
            .param("key", table.localKey())
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Integer.class)
            .single();
    }

    /**
     * The partitions that hold rows (leaves), at any depth, with their parent and bounds
     * (null for MINVALUE), oldest first.
     */
    List<Partition> leaves(String table) {
        return this.jdbc
            .sql("""
                    with recursive tree as (
                        select i.inhrelid as id, i.inhparent as parent, i.inhdetachpending as detaching
                        from pg_inherits i where i.inhparent = cast(:table as regclass)
                        union all
                        select i.inhrelid, i.inhparent, i.inhdetachpending from pg_inherits i join tree t on i.inhparent = t.id
                    )
                    select c.relname as name, p.relname as parent, t.detaching,
                           (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']+)''\\)'))[1]::timestamptz as lower_at,
                           (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz as upper_at
                    from tree t join pg_class c on c.oid = t.id join pg_class p on p.oid = t.parent
                    where c.relkind = 'r'
                    order by lower_at nulls first""")
            .param("table", table)
            .query((row, i) -> new Partition(row.getString("name"), row.getString("parent"),
                    instant(row.getTimestamp("lower_at")), instant(row.getTimestamp("upper_at")),
                    row.getBoolean("detaching")))
            .list();
    }

    /**
     * Detaches a partition without blocking readers and writers of the rest (it waits for
     * the queries that use it); a detach interrupted earlier is finished.
     */
    void detach(Partition partition) {
        String mode = partition.detaching() ? "finalize" : "concurrently";
        this.jdbc
            .sql("alter table " + quoted(partition.parent()) + " detach partition " + quoted(partition.name()) + " "
                    + mode)
            .update();
    }

    void drop(String table) {
        this.jdbc.sql("drop table if exists " + quoted(table)).update();
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    /**
     * A partition that holds rows, and the table it is attached to (the partitioned
     * table, or a partitioned table of moved old rows inside it).
     *
     * @param lower its first moment, null for everything before {@code upper}
     * @param upper the moment after its last, null for everything after {@code lower}
     * @param detaching a concurrent detach was begun and not finished
     */
    record Partition(String name, String parent, Instant lower, Instant upper, boolean detaching) {

    }

}
