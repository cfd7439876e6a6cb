package org.smscampaign.link.reclassification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.ClickReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs reclassifications on a thread of their own, one day of hits at a time (each day in
 * its own transaction, with the job's progress). An instance claims a job by its row; the
 * running one beats a heartbeat, and a job whose heartbeat stopped (its instance died) is
 * taken over by any instance and resumes at its next day.
 */
@Component
public class ReclassificationJobs {

    private static final Logger log = LoggerFactory.getLogger(ReclassificationJobs.class);

    /** A job's heartbeat older than this means its instance is gone. */
    private static final String STALE = "2 minutes";

    private final JdbcClient jdbc;

    private final DayReclassifier days;

    /**
     * Jobs waiting here are also queued in the database: one turned away when 100 wait is
     * started by the takeover sweep.
     */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), (task) -> {
                Thread thread = new Thread(task, "click-reclassification");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    private volatile Long running;

    private volatile boolean stopping;

    ReclassificationJobs(JdbcClient jdbc, DayReclassifier days, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.days = days;
        new ExecutorServiceMetrics(this.executor, "click-reclassification", List.of()).bindTo(meters);
    }

    /** Runs the job soon, here, unless another instance has it already. */
    public void submit(long id) {
        this.executor.execute(() -> runIfClaimed(id));
    }

    /** Jobs queued but never started, or whose instance stopped beating. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void takeOver() {
        this.jdbc.sql("""
                select id from click_reclassification
                where (status = 'QUEUED' and requested_at < now() - interval '30 seconds')
                   or (status = 'RUNNING' and heartbeat_at < now() - cast(:stale as interval))""")
            .param("stale", STALE)
            .query(Long.class)
            .list()
            .forEach(this::submit);
    }

    @Scheduled(fixedDelay = 30_000)
    void beat() {
        Long id = this.running;
        if (id != null) {
            this.jdbc
                .sql("update click_reclassification set heartbeat_at = now() where id = :id and status = 'RUNNING'")
                .param("id", id)
                .update();
        }
    }

    private void runIfClaimed(long id) {
        List<Job> claimed = this.jdbc.sql("""
                update click_reclassification set status = 'RUNNING', started_at = coalesce(started_at, now()),
                    heartbeat_at = now()
                where id = :id and (status = 'QUEUED'
                    or (status = 'RUNNING' and heartbeat_at < now() - cast(:stale as interval)))
                returning id, from_day, to_day, next_day""")
            .param("id", id)
            .param("stale", STALE)
            .query((row, n) -> new Job(row.getLong("id"), row.getObject("from_day", LocalDate.class),
                    row.getObject("to_day", LocalDate.class), row.getObject("next_day", LocalDate.class)))
            .list();
        if (claimed.isEmpty()) {
            return;
        }
        Job job = claimed.get(0);
        this.running = id;
        log.info("Reclassifying the hits of {} to {} (job {}), from {}", job.from(), job.to(), id, job.next());
        try {
            // Each agent of the range is classified once, here, across its days.
            Map<Integer, ClickReason> verdicts = new HashMap<>();
            for (LocalDate day = job.next(); !day.isAfter(job.to()); day = day.plusDays(1)) {
                this.days.reclassify(job, day, verdicts);
            }
            this.jdbc.sql("update click_reclassification set status = 'DONE', finished_at = now() where id = :id")
                .param("id", id)
                .update();
            log.info("Reclassification {} done", id);
        }
        catch (RuntimeException ex) {
            if (this.stopping) {
                log.info("Reclassification {} stopped with the application: it resumes on an instance that runs", id);
                return;
            }
            log.warn("Reclassification {} failed", id, ex);
            String error = String.valueOf(ex.getMessage());
            this.jdbc.sql("""
                    update click_reclassification set status = 'FAILED', finished_at = now(), error = :error
                    where id = :id""")
                .param("id", id)
                .param("error", error.substring(0, Math.min(error.length(), 500)))
                .update();
        }
        finally {
            this.running = null;
        }
    }

    /**
     * Leaves a running job to be taken over (its day's transaction rolls back when the
     * connection goes).
     */
    @PreDestroy
    void stop() {
        this.stopping = true;
        this.executor.shutdownNow();
    }

    /** A claimed job: its range of days and the first day still to do. */
    record Job(long id, LocalDate from, LocalDate to, LocalDate next) {

    }

}
