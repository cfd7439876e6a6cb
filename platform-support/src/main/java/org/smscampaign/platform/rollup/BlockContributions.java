package org.smscampaign.platform.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.smscampaign.platform.RolledTable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One block of one rolled table: computes its contribution from the raw rows, replaces
 * the stored one and adds the difference to the table; or, for a whole campaign, rebuilds
 * the table as the sum of all its blocks.
 */
class BlockContributions {

    private final JdbcClient jdbc;

    /** For batches (in the caller's transaction, like the client). */
    private final JdbcTemplate batches;

    private final RolledTable table;

    BlockContributions(JdbcClient jdbc, JdbcTemplate batches, RolledTable table) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.table = table;
    }

    /** The block's contribution computed again; the difference added to the table. */
    void apply(long campaignId, long block, long first, long last) {
        Map<List<Object>, BigDecimal[]> fresh = rows(this.jdbc.sql(this.table.select())
            .param("campaign", campaignId)
            .param("first", first)
            .param("last", last));
        Map<List<Object>, BigDecimal[]> stored = rows(this.jdbc
            .sql("delete from " + this.table.blockTable()
                    + " where campaign_id = :campaign and block = :block returning " + columns())
            .param("campaign", campaignId)
            .param("block", block));
        insertBlock(campaignId, block, fresh);
        Map<List<Object>, BigDecimal[]> difference = new LinkedHashMap<>();
        fresh.forEach((key, measures) -> difference.put(key, measures.clone()));
        stored.forEach((key, measures) -> {
            BigDecimal[] sum = difference.computeIfAbsent(key, (k) -> zeros());
            for (int i = 0; i < sum.length; i++) {
                sum[i] = sum[i].subtract(measures[i]);
            }
        });
        difference.values().removeIf(BlockContributions::allZero);
        add(campaignId, difference);
    }

    /** Drops the campaign's rows and contributions (before a full recompute). */
    void clear(long campaignId) {
        this.jdbc.sql("delete from " + this.table.table() + " where campaign_id = :campaign")
            .param("campaign", campaignId)
            .update();
        this.jdbc.sql("delete from " + this.table.blockTable() + " where campaign_id = :campaign")
            .param("campaign", campaignId)
            .update();
    }

    /** Stores a block's contribution computed from scratch (full recompute). */
    void store(long campaignId, long block, long first, long last) {
        insertBlock(campaignId, block,
                rows(this.jdbc.sql(this.table.select())
                    .param("campaign", campaignId)
                    .param("first", first)
                    .param("last", last)));
    }

    /** The table as the sum of the campaign's contributions (full recompute). */
    void sumBlocks(long campaignId) {
        String keys = String.join(", ", this.table.keys());
        String sums = this.table.measures().stream().map((m) -> "sum(" + m + ")").collect(Collectors.joining(", "));
        String nonZero = this.table.measures()
            .stream()
            .map((m) -> "sum(" + m + ") <> 0")
            .collect(Collectors.joining(" or "));
        this.jdbc
            .sql("insert into " + this.table.table() + " (campaign_id, " + columns() + ") select campaign_id, " + keys
                    + ", " + sums + " from " + this.table.blockTable() + " where campaign_id = :campaign group by "
                    + "campaign_id, " + keys + " having " + nonZero)
            .param("campaign", campaignId)
            .update();
    }

    private void insertBlock(long campaignId, long block, Map<List<Object>, BigDecimal[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> batch = new ArrayList<>();
        rows.forEach((key, measures) -> batch.add(row(campaignId, block, key, measures)));
        this.batches.batchUpdate("insert into " + this.table.blockTable() + " (campaign_id, block, " + columns()
                + ") values (" + placeholders(2 + width()) + ")", batch);
    }

    private void add(long campaignId, Map<List<Object>, BigDecimal[]> difference) {
        if (difference.isEmpty()) {
            return;
        }
        String keys = String.join(", ", this.table.keys());
        String plus = this.table.measures()
            .stream()
            .map((m) -> m + " = " + this.table.table() + "." + m + " + excluded." + m)
            .collect(Collectors.joining(", "));
        List<Object[]> batch = new ArrayList<>();
        difference.forEach((key, measures) -> batch.add(row(campaignId, null, key, measures)));
        this.batches.batchUpdate(
                "insert into " + this.table.table() + " (campaign_id, " + columns() + ") values ("
                        + placeholders(1 + width()) + ") on conflict (campaign_id, " + keys + ") do update set " + plus,
                batch);
        String zero = this.table.measures().stream().map((m) -> m + " = 0").collect(Collectors.joining(" and "));
        this.jdbc.sql("delete from " + this.table.table() + " where campaign_id = :campaign and " + zero)
            .param("campaign", campaignId)
            .update();
    }

    private Object[] row(long campaignId, Long block, List<Object> key, BigDecimal[] measures) {
        List<Object> values = new ArrayList<>();
        values.add(campaignId);
        if (block != null) {
            values.add(block);
        }
        values.addAll(key);
        values.addAll(List.of((Object[]) measures));
        return values.toArray();
    }

    private Map<List<Object>, BigDecimal[]> rows(JdbcClient.StatementSpec statement) {
        int keys = this.table.keys().size();
        int measures = this.table.measures().size();
        Map<List<Object>, BigDecimal[]> rows = new LinkedHashMap<>();
        statement.query((row, n) -> {
            List<Object> key = new ArrayList<>(keys);
            for (int i = 1; i <= keys; i++) {
                key.add(row.getObject(i));
            }
            BigDecimal[] values = new BigDecimal[measures];
            for (int i = 0; i < measures; i++) {
                BigDecimal value = row.getBigDecimal(keys + 1 + i);
                values[i] = (value != null) ? value : BigDecimal.ZERO;
            }
            rows.merge(key, values, BlockContributions::plus);
            return null;
        }).list();
        return rows;
    }

    private static BigDecimal[] plus(BigDecimal[] a, BigDecimal[] b) {
        BigDecimal[] sum = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i].add(b[i]);
        }
        return sum;
    }

    private BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[this.table.measures().size()];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static boolean allZero(BigDecimal[] measures) {
        for (BigDecimal measure : measures) {
            if (measure.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    private String columns() {
        List<String> columns = new ArrayList<>(this.table.keys());
        columns.addAll(this.table.measures());
        return String.join(", ", columns);
    }

    private int width() {
        return this.table.keys().size() + this.table.measures().size();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

}
