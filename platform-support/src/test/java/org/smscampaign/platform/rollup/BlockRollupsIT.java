package org.smscampaign.platform.rollup;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.smscampaign.platform.BlockRollups;
import org.smscampaign.platform.PlatformTestApplication;
import org.smscampaign.testsupport.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {
                "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/platform-test",
                "sms.platform.rollups.interval=1h" })
@PostgresTest
class BlockRollupsIT {

    private static final AtomicLong IDS = new AtomicLong();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    BlockRollups rollups;

    @Autowired
    DataSource dataSource;

    @Test
    void whatChangedIsAddedExactlyWhileWritersWriteAndTwoInstancesRollUpAtOnce() throws Exception {
        this.rollups.catchUp("sales"); // the rollup's mark starts now
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            threads.add(new Thread(() -> {
                while (writing.get()) {
                    write();
                }
            }, "sales-writer-" + w));
        }
        AtomicLong runs = new AtomicLong();
        for (int instance = 0; instance < 2; instance++) {
            threads.add(new Thread(() -> {
                while (writing.get()) {
                    this.rollups.catchUp("sales");
                    runs.incrementAndGet();
                }
            }, "rollup-instance-" + instance));
        }
        threads.forEach(Thread::start);
        long until = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < until || runs.get() < 20) {
            Thread.onSpinWait();
        }
        writing.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        this.rollups.catchUp("sales");

        assertThat(IDS.get()).as("sales written").isGreaterThan(500);
        Map<String, String> incremental = figures();
        assertThat(incremental).isEqualTo(rawFigures());
        for (long campaign = 1; campaign <= 2; campaign++) {
            this.rollups.recompute("sales", campaign);
        }
        assertThat(figures()).as("a full recompute finds the same").isEqualTo(incremental);
        assertThat(this.jdbc.sql("select count(*) from rollup_dirty where rollup = 'sales'").query(Long.class).single())
            .isZero();
    }

    @Test
    void campaignIdsBeyondThirtyTwoBitsAreRolledUpToo() {
        long campaign = 5_000_000_000L;
        this.transaction.executeWithoutResult((status) -> this.jdbc
            .sql("insert into sample_sale (id, campaign_id, item, amount) values (:id, :campaign, 4, 2)")
            .param("id", 2_000_000 + IDS.incrementAndGet())
            .param("campaign", campaign)
            .update());
        this.rollups.catchUp("sales");
        assertThat(this.jdbc.sql("select sales from sample_sale_total where campaign_id = :campaign")
            .param("campaign", campaign)
            .query(Long.class)
            .single()).isOne();
        this.rollups.recompute("sales", campaign);
    }

    @Test
    void aCampaignMarkedWholeIsComputedAllAgain() {
        this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("insert into sample_sale (id, campaign_id, item, amount) values (:id, 3, 1, 10)")
                .param("id", 1_000_000 + IDS.incrementAndGet())
                .update();
        });
        this.rollups.catchUp("sales");
        this.jdbc.sql("update sample_sale_total set sales = 999 where campaign_id = 3").update(); // drifted
        this.transaction.executeWithoutResult((status) -> this.rollups.markAll("sales", 3));
        this.rollups.catchUp("sales");
        assertThat(
                this.jdbc.sql("select sales from sample_sale_total where campaign_id = 3").query(Long.class).single())
            .isOne();
    }

    /**
     * Another instance computing a campaign when a catch-up comes: the catch-up waits for
     * its work to be committed instead of returning with the figures still old (the race
     * MessageRollupsIT met with the scheduled run of its context).
     */
    @Test
    void aCatchUpWaitsForTheInstanceComputingTheCampaign() throws Exception {
        long campaign = 6_000_000_000L;
        this.transaction.executeWithoutResult((status) -> this.jdbc
            .sql("insert into sample_sale (id, campaign_id, item, amount) values (:id, :campaign, 3, 7)")
            .param("id", 3_000_000 + IDS.incrementAndGet())
            .param("campaign", campaign)
            .update());
        try (Connection otherInstance = this.dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (Statement statement = otherInstance.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(hashtextextended('sales/" + campaign + "', 0))");
            }
            CompletableFuture<Void> catchUp = CompletableFuture.runAsync(() -> this.rollups.catchUp("sales"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (this.jdbc
                .sql("select count(*) from pg_locks where locktype = 'advisory' and not granted "
                        + "and database = (select oid from pg_database where datname = current_database())")
                .query(Long.class)
                .single() == 0) {
                assertThat(System.nanoTime()).as("the catch-up waits for the campaign").isLessThan(deadline);
                LockSupport.parkNanos(10_000_000L);
            }
            assertThat(catchUp).isNotDone();
            otherInstance.commit(); // the other instance is done (with nothing, here)
            catchUp.get(30, TimeUnit.SECONDS);
        }
        assertThat(this.jdbc.sql("select sales from sample_sale_total where campaign_id = :campaign")
            .param("campaign", campaign)
            .query(Long.class)
            .single()).isOne();
        this.rollups.recompute("sales", campaign);
    }

    /** An insert, an update or a deletion (which marks its campaign whole) of a sale. */
    private void write() {
        long campaign = ThreadLocalRandom.current().nextLong(1, 3);
        int kind = ThreadLocalRandom.current().nextInt(10);
        this.transaction.executeWithoutResult((status) -> {
            if (kind < 7 || IDS.get() < 50) {
                this.jdbc.sql(
                        "insert into sample_sale (id, campaign_id, item, amount) values (:id, :campaign, :item, :amount)")
                    .param("id", IDS.incrementAndGet())
                    .param("campaign", campaign)
                    .param("item", ThreadLocalRandom.current().nextLong(1000))
                    .param("amount", ThreadLocalRandom.current().nextInt(1, 10_000) / 100.0)
                    .update();
            }
            else if (kind < 9) {
                this.jdbc.sql("""
                        update sample_sale set amount = amount + 1, item = item + 1,
                            txid = pg_current_xact_id()::text::bigint
                        where id = :id""").param("id", ThreadLocalRandom.current().nextLong(1, IDS.get())).update();
            }
            else {
                Long gone = this.jdbc.sql("delete from sample_sale where id = :id returning campaign_id")
                    .param("id", ThreadLocalRandom.current().nextLong(1, IDS.get()))
                    .query(Long.class)
                    .optional()
                    .orElse(null);
                if (gone != null) {
                    this.rollups.markAll("sales", gone);
                }
            }
        });
    }

    private Map<String, String> figures() {
        return rows("select campaign_id, item_group, sales, amount from sample_sale_total where campaign_id <= 2");
    }

    private Map<String, String> rawFigures() {
        return rows("""
                select campaign_id, (item % 3)::int, count(*), sum(amount) from sample_sale where campaign_id <= 2
                group by 1, 2""");
    }

    private Map<String, String> rows(String sql) {
        Map<String, String> rows = new java.util.TreeMap<>();
        this.jdbc.sql(sql)
            .query((row, n) -> rows.put(row.getLong(1) + "/" + row.getInt(2),
                    row.getLong(3) + " " + row.getBigDecimal(4).stripTrailingZeros().toPlainString()))
            .list();
        return rows;
    }

}
