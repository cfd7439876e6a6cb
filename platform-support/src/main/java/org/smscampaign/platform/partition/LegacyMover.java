package org.smscampaign.platform.partition;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.platform.MonthPartitionedTable;
import org.smscampaign.platform.PartitionProperties;
import org.smscampaign.platform.partition.LegacyMove.Step;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One thread that moves the old rows of tables converted in place ({@link LegacyMove}), a
 * batch at a time with a pause between, table after table; then it looks again every
 * {@code sms.platform.partitions.interval}. Instances may run it together: a batch is
 * idempotent and the swap takes a lock.
 */
@Component
class LegacyMover implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LegacyMover.class);

    /** After a failure or a swap that found the table busy. */
    private static final long RETRY_MILLIS = 30_000;

    private final List<LegacyMove> moves;

    private final PartitionMaintenance maintenance;

    private final PartitionProperties properties;

    private final Clock clock;

    private final Counter batches;

    private volatile boolean running;

    private Thread thread;

    LegacyMover(ObjectProvider<MonthPartitionedTable> tables, PartitionCatalog catalog, JdbcClient jdbc,
            TransactionTemplate transaction, PartitionMaintenance maintenance, PartitionProperties properties,
            ObjectProvider<Clock> clock, MeterRegistry meters) {
        this.moves = tables.orderedStream().map((table) -> new LegacyMove(table, catalog, jdbc, transaction)).toList();
        this.maintenance = maintenance;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.batches = Counter.builder("sms.platform.partitions.moved.batches")
            .description("Batches of old rows moved into monthly partitions")
            .register(meters);
    }

    @Override
    public void start() {
        this.running = true;
        this.thread = new Thread(this::run, "legacy-mover");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void stop() {
        this.running = false;
        this.thread.interrupt();
        try {
            this.thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    private void run() {
        while (this.running) {
            long pause = this.properties.interval().toMillis();
            for (LegacyMove move : this.moves) {
                long after = moveAll(move);
                pause = Math.min(pause, after);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
        }
    }

    /** Steps through one table's move; how long to wait before looking at it again. */
    private long moveAll(LegacyMove move) {
        try {
            while (this.running) {
                Step step = move.step(this.properties.moveBatch(), this.maintenance.keptFrom(this.clock.instant()));
                switch (step) {
                    case DONE, SWAPPED -> {
                        return this.properties.interval().toMillis();
                    }
                    case WAITING -> {
                        return RETRY_MILLIS;
                    }
                    default -> {
                        this.batches.increment();
                        LockSupport.parkNanos(this.properties.movePause().toNanos());
                    }
                }
            }
        }
        catch (RuntimeException ex) {
            log.warn("Moving old rows into monthly partitions failed (tried again in {} s): {}", RETRY_MILLIS / 1000,
                    ex.getMessage());
            return RETRY_MILLIS;
        }
        return 0;
    }

}
