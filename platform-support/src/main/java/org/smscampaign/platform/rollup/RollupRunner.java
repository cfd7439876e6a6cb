package org.smscampaign.platform.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.platform.BlockRollup;
import org.smscampaign.platform.RolledTable;
import org.smscampaign.platform.RollupProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every {@link BlockRollup}: each run moves its high-water mark (marking the blocks
 * that changed below it, in the same transaction), then computes the marked blocks again,
 * a campaign per transaction under its advisory lock (instances never compute one
 * campaign at once), clearing a mark only if no change came while it ran.
 */
@Component
public class RollupRunner {

    private static final Logger log = LoggerFactory.getLogger(RollupRunner.class);

    /** Longest a catch-up waits for transactions open elsewhere to end. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);

    /** A campaign's marks taken in one transaction at most. */
    private static final int BLOCKS_PER_TRANSACTION = 200;

    /** The block that stands for all of a campaign's: compute it all again. */
    static final long ALL = -1;

    private final Map<String, BlockRollup> rollups = new LinkedHashMap<>();

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    private final TransactionTemplate transaction;

    private final MeterRegistry meters;

    private final String statementTimeout;

    RollupRunner(ObjectProvider<BlockRollup> rollups, JdbcClient jdbc, JdbcTemplate batches,
            TransactionTemplate transaction, RollupProperties properties, MeterRegistry meters) {
        this.statementTimeout = String.valueOf(properties.statementTimeout().toMillis());
        rollups.orderedStream().forEach((rollup) -> this.rollups.put(rollup.name(), rollup));
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = transaction;
        this.meters = meters;
        for (String name : this.rollups.keySet()) {
            Gauge.builder("sms.platform.rollup.lag", () -> lagSeconds(name))
                .tag("rollup", name)
                .description("Seconds since the oldest change still waiting to be rolled up")
                .baseUnit("seconds")
                .register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${sms.platform.rollups.interval:5s}", initialDelay = 2_000)
    void run() {
        for (String name : this.rollups.keySet()) {
            try {
                rollUp(rollup(name));
            }
            catch (RuntimeException ex) {
                log.warn("Rolling up {} failed (tried again at the next run): {}", name, ex.getMessage());
            }
        }
    }

    /**
     * Marks what changed up to now and computes every marked block of the rollup, waiting
     * for a campaign another instance is computing (it returns with that instance's work
     * committed, not while it is still under way).
     */
    public void catchUp(String name) {
        BlockRollup rollup = rollup(name);
        // The mark moves only past finished transactions: wait until every transaction
        // that had begun when this was called has ended (one still open elsewhere holds
        // it back), so that all it committed is rolled up when this returns.
        long target = this.jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
            .query(Long.class)
            .single();
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (advance(rollup) < target && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        // The blocks marked by now: each computed once more, after this point, holds
        // every
        // change made before the call (marked again meanwhile or not).
        Map<Long, List<Long>> blocks = new TreeMap<>();
        this.jdbc.sql("select campaign_id, block from rollup_dirty where rollup = :rollup order by campaign_id, block")
            .param("rollup", name)
            .query((row, n) -> blocks.computeIfAbsent(row.getLong(1), (c) -> new ArrayList<>()).add(row.getLong(2)))
            .list();
        for (Map.Entry<Long, List<Long>> campaign : blocks.entrySet()) {
            List<Long> marked = campaign.getValue();
            for (int from = 0; from < marked.size(); from += BLOCKS_PER_TRANSACTION) {
                List<Long> some = marked.subList(from, Math.min(marked.size(), from + BLOCKS_PER_TRANSACTION));
                if (System.nanoTime() - deadline > 0) {
                    log.warn("Catching up {} took longer than {}: some blocks are left to the next runs", name,
                            CATCH_UP_WAIT);
                    return;
                }
                this.transaction.execute((status) -> applyMarked(rollup, campaign.getKey(), some));
            }
        }
    }

    /** One run: the mark moved as far as it can, then every marked block computed. */
    private void rollUp(BlockRollup rollup) {
        String name = rollup.name();
        Timer.Sample sample = Timer.start(this.meters);
        advance(rollup);
        List<Long> campaigns;
        do {
            campaigns = this.jdbc.sql(
                    "select distinct campaign_id from rollup_dirty where rollup = :rollup order by campaign_id limit 100")
                .param("rollup", name)
                .query(Long.class)
                .list();
            int done = 0;
            for (Long campaign : campaigns) {
                done += Boolean.TRUE.equals(this.transaction.execute((status) -> applyMarked(rollup, campaign, null)))
                        ? 1 : 0;
            }
            if (done == 0) {
                break; // what is left is another instance's now
            }
        }
        while (campaigns.size() == 100);
        sample.stop(this.meters.timer("sms.platform.rollup.runs", "rollup", name));
    }

    /** Computes all of a campaign's figures again, from its raw rows (repairs, tests). */
    public void recompute(String name, long campaignId) {
        BlockRollup rollup = rollup(name);
        this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:rollup || '/' || :campaign, 0))")
                .param("rollup", name)
                .param("campaign", campaignId)
                .query(Object.class)
                .single();
            boundStatements();
            if (!rollup.complete(this.jdbc, campaignId)) {
                throw new IllegalStateException("The " + name + " figures of campaign " + campaignId
                        + " are final: some of its raw rows were dropped (retention)");
            }
            recomputeAll(rollup, campaignId);
        });
    }

    /** Marks a campaign to be computed all again at the next run (rare changes). */
    public void markAll(String name, long campaignId) {
        this.jdbc.sql("""
                insert into rollup_dirty (rollup, campaign_id, block) values (:rollup, :campaign, -1)
                on conflict (rollup, campaign_id, block) do update set marks = rollup_dirty.marks + 1""")
            .param("rollup", name)
            .param("campaign", campaignId)
            .update();
    }

    /**
     * Moves the mark to the oldest transaction still running (no row of a transaction
     * below it can appear any more), marking the blocks changed in between.
     */
    private long advance(BlockRollup rollup) {
        return this.transaction.execute((status) -> {
            long horizon = this.jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .query(Long.class)
                .single();
            this.jdbc.sql("select pg_advisory_xact_lock(hashtext('rollup position ' || :rollup))")
                .param("rollup", rollup.name())
                .query(Object.class)
                .single();
            Long position = this.jdbc.sql("select position from rollup_position where rollup = :rollup")
                .param("rollup", rollup.name())
                .query(Long.class)
                .optional()
                .orElse(null);
            if (position == null) {
                // A rollup nobody set a mark for counts everything there is (its module's
                // migration sets the mark where the rows before it are marked otherwise).
                this.jdbc.sql("insert into rollup_position (rollup, position) values (:rollup, 0)")
                    .param("rollup", rollup.name())
                    .update();
                position = 0L;
            }
            if (horizon <= position) {
                return position;
            }
            for (String changed : rollup.changedBlocks()) {
                this.jdbc
                    .sql("""
                            insert into rollup_dirty (rollup, campaign_id, block)
                            select :rollup, campaign_id, block from (%s) as c
                            where campaign_id is not null group by campaign_id, block
                            on conflict (rollup, campaign_id, block) do update set marks = rollup_dirty.marks + 1"""
                        .formatted(changed))
                    .param("rollup", rollup.name())
                    .param("from", position)
                    .param("to", horizon)
                    .param("size", rollup.blockSize())
                    .update();
            }
            this.jdbc.sql("update rollup_position set position = :horizon where rollup = :rollup")
                .param("rollup", rollup.name())
                .param("horizon", horizon)
                .update();
            return horizon;
        });
    }

    /**
     * One campaign's marked blocks: those given, waiting for another instance computing
     * the campaign to commit; or, without, up to a transaction's worth, false when
     * another instance holds the campaign.
     */
    private boolean applyMarked(BlockRollup rollup, long campaignId, List<Long> only) {
        String lock = (only != null) ? "pg_advisory_xact_lock" : "pg_try_advisory_xact_lock";
        Object locked = this.jdbc.sql("select " + lock + "(hashtextextended(:rollup || '/' || :campaign, 0))")
            .param("rollup", rollup.name())
            .param("campaign", campaignId)
            .query(Object.class)
            .single();
        if (Boolean.FALSE.equals(locked)) {
            return false;
        }
        boundStatements();
        String which = (only != null)
                ? " and block in (" + only.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")" : "";
        List<long[]> marked = this.jdbc.sql("""
                select block, marks from rollup_dirty where rollup = :rollup and campaign_id = :campaign%s
                order by block limit :limit""".formatted(which))
            .param("rollup", rollup.name())
            .param("campaign", campaignId)
            .param("limit", BLOCKS_PER_TRANSACTION)
            .query((row, n) -> new long[] { row.getLong("block"), row.getLong("marks") })
            .list();
        if (!rollup.complete(this.jdbc, campaignId)) {
            log.info("The {} figures of campaign {} are final: some of its raw rows were dropped (retention)",
                    rollup.name(), campaignId);
        }
        else if (marked.stream().anyMatch((mark) -> mark[0] == ALL)) {
            recomputeAll(rollup, campaignId);
        }
        else {
            List<BlockContributions> tables = tables(rollup);
            for (long[] mark : marked) {
                long first = mark[0] * rollup.blockSize();
                for (BlockContributions table : tables) {
                    table.apply(campaignId, mark[0], first, first + rollup.blockSize() - 1);
                }
            }
            rollup.afterBlocks(this.jdbc, campaignId);
        }
        for (long[] mark : marked) {
            this.jdbc.sql("""
                    delete from rollup_dirty
                    where rollup = :rollup and campaign_id = :campaign and block = :block and marks = :marks""")
                .param("rollup", rollup.name())
                .param("campaign", campaignId)
                .param("block", mark[0])
                .param("marks", mark[1])
                .update();
        }
        return true;
    }

    /** For the rest of the transaction (a statement cut short rolls it back). */
    private void boundStatements() {
        this.jdbc.sql("select set_config('statement_timeout', :millis, true)")
            .param("millis", this.statementTimeout)
            .query(String.class)
            .single();
    }

    private void recomputeAll(BlockRollup rollup, long campaignId) {
        List<BlockContributions> tables = tables(rollup);
        tables.forEach((table) -> table.clear(campaignId));
        List<Long> blocks = this.jdbc.sql(rollup.blocksOfCampaign())
            .param("campaign", campaignId)
            .param("size", rollup.blockSize())
            .query(Long.class)
            .list();
        for (long block : blocks) {
            long first = block * rollup.blockSize();
            for (BlockContributions table : tables) {
                table.store(campaignId, block, first, first + rollup.blockSize() - 1);
            }
        }
        tables.forEach((table) -> table.sumBlocks(campaignId));
        rollup.afterBlocks(this.jdbc, campaignId);
    }

    private List<BlockContributions> tables(BlockRollup rollup) {
        List<BlockContributions> tables = new ArrayList<>();
        for (RolledTable table : rollup.tables()) {
            tables.add(new BlockContributions(this.jdbc, this.batches, table));
        }
        return tables;
    }

    private double lagSeconds(String name) {
        Instant oldest = this.jdbc.sql("select min(marked_at) from rollup_dirty where rollup = :rollup")
            .param("rollup", name)
            .query((row, n) -> {
                java.sql.Timestamp at = row.getTimestamp(1);
                return (at != null) ? at.toInstant() : null;
            })
            .list()
            .get(0);
        return (oldest != null) ? Duration.between(oldest, Instant.now()).toMillis() / 1000.0 : 0;
    }

    private BlockRollup rollup(String name) {
        BlockRollup rollup = this.rollups.get(name);
        if (rollup == null) {
            throw new IllegalArgumentException("No rollup '" + name + "' (known: " + this.rollups.keySet() + ")");
        }
        return rollup;
    }

}
