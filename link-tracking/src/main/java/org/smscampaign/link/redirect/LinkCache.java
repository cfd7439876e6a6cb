package org.smscampaign.link.redirect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy.VarExpiration;
import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.smscampaign.link.LinkProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links by code, in front of the database. A link not in memory is read on a loader
 * thread, never on the caller's: the link server's few event-loop threads keep answering
 * other taps meanwhile (with one link per recipient, most first taps are such reads).
 * Entries are refreshed in the background after the configured time, and a failed refresh
 * keeps the old entry: redirects go on from memory while the database is slow or down.
 * Unknown codes are remembered briefly, so guessing does not reach the database each
 * time.
 */
@Component
class LinkCache {

    private static final Duration UNKNOWN_CODE_TIME = Duration.ofSeconds(30);

    private static final Duration UNUSED_TIME = Duration.ofHours(24);

    /** Links read from the database at once (each read is one indexed query). */
    private static final int LOADERS = 4;

    /**
     * Reads that may wait for a loader: past that (a scan of unknown codes faster than
     * the database answers) a read fails as when the database cannot be asked, instead of
     * memory filling with waiting reads.
     */
    private static final int WAITING_LOADS = 10_000;

    private static final String COLUMNS = """
            select l.code, l.id, l.target_url, l.expires_at, coalesce(l.fallback_url, b.fallback_url) as fallback,
                l.campaign_id, l.contact_id, l.variant, l.message_id, l.disabled_at is not null as disabled
            from short_link l join link_brand b on b.id = l.brand_id""";

    private static final String QUERY = COLUMNS + " where l.code = :code";

    /**
     * Links of messages delivered since a time: two seconds' margin (a receipt's
     * transaction commits a little after its time, on any instance), entries held already
     * are kept.
     */
    private static final String DELIVERED = COLUMNS + """
             join link_delivery d on d.message_id = l.message_id
            where d.delivered_at > cast(:since as timestamptz) - interval '2 seconds'""";

    private final JdbcClient jdbc;

    private final String clickParameter;

    private final AsyncLoadingCache<String, Optional<LinkTarget>> cache;

    private final Duration deliveredLinks;

    /** The database's time of the last read of delivered links. */
    private Instant lastDeliveries;

    /**
     * Reads links, first and again. Caffeine's default, the common fork-join pool, has a
     * parallelism of one on two cores and then starts a new thread for every task: a
     * storm of thread starts when thousands of hot links come due for refresh together.
     */
    private final ThreadPoolExecutor loader = new ThreadPoolExecutor(LOADERS, LOADERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING_LOADS), (task) -> {
                Thread thread = new Thread(task, "link-cache-load");
                thread.setDaemon(true);
                return thread;
            });

    LinkCache(JdbcClient jdbc, LinkProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clickParameter = properties.clickIdParameter();
        this.deliveredLinks = properties.cache().deliveredLinks();
        Duration refresh = properties.cache().timeToLive();
        this.cache = Caffeine.newBuilder()
            .maximumSize(properties.cache().maximumSize())
            .executor(this.loader)
            .refreshAfterWrite(refresh)
            .expireAfter(new Expiry<String, Optional<LinkTarget>>() {
                @Override
                public long expireAfterCreate(String code, Optional<LinkTarget> target, long now) {
                    return (target.isPresent() ? UNUSED_TIME : UNKNOWN_CODE_TIME).toNanos();
                }

                @Override
                public long expireAfterUpdate(String code, Optional<LinkTarget> target, long now, long current) {
                    return expireAfterCreate(code, target, now);
                }

                @Override
                public long expireAfterRead(String code, Optional<LinkTarget> target, long now, long current) {
                    return target.isPresent() ? UNUSED_TIME.toNanos() : current;
                }
            })
            .recordStats()
            .buildAsync(this::load);
        CaffeineCacheMetrics.monitor(meters, this.cache.synchronous(), "sms.link.cache");
        new ExecutorServiceMetrics(this.loader, "link-cache-load", List.of()).bindTo(meters);
    }

    /**
     * The link of a code: done at once when it is in memory; failed when it is not and
     * the database cannot be asked.
     */
    CompletableFuture<Optional<LinkTarget>> get(String code) {
        try {
            return this.cache.get(code);
        }
        catch (RejectedExecutionException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    @PreDestroy
    void stopLoading() {
        this.loader.shutdownNow();
    }

    /** Forgets a changed link: the next request reads it from the database. */
    void forget(String code) {
        this.cache.synchronous().invalidate(code);
    }

    /**
     * Reads every cached link again in the background; the old entries answer meanwhile.
     */
    void refreshAll() {
        this.cache.synchronous().refreshAll(List.copyOf(this.cache.asMap().keySet()));
    }

    private Optional<LinkTarget> load(String code) {
        return this.jdbc.sql(QUERY).param("code", code).query(this::target).optional();
    }

    /**
     * Reads the links of the messages delivered since the last run into memory: a
     * recipient taps soon after delivery, most often for the first time, and that tap is
     * then answered from memory rather than after a read. Entries no one taps leave after
     * {@code sms.link.cache.delivered-links}.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void loadDeliveredLinks() {
        if (this.deliveredLinks.isZero()) {
            return;
        }
        Instant started = this.jdbc.sql("select now()").query(Instant.class).single();
        Instant since = (this.lastDeliveries != null) ? this.lastDeliveries : started;
        VarExpiration<String, Optional<LinkTarget>> expiry = this.cache.synchronous()
            .policy()
            .expireVariably()
            .orElseThrow();
        this.jdbc.sql(DELIVERED)
            .param("since", Timestamp.from(since))
            .query((row, n) -> expiry.putIfAbsent(row.getString("code"), Optional.of(target(row, n)),
                    this.deliveredLinks))
            .list();
        this.lastDeliveries = started;
    }

    private LinkTarget target(ResultSet row, int n) throws SQLException {
        Timestamp expires = row.getTimestamp("expires_at");
        return LinkTarget.of(row.getLong("id"), row.getString("target_url"), (expires != null) ? expires.getTime() : 0,
                row.getString("fallback"), row.getObject("campaign_id", Long.class),
                row.getObject("contact_id", Long.class), row.getString("variant"),
                row.getObject("message_id", Long.class), this.clickParameter, row.getBoolean("disabled"));
    }

    long size() {
        return this.cache.synchronous().estimatedSize();
    }

    static long toMillis(Duration duration) {
        return TimeUnit.NANOSECONDS.toMillis(duration.toNanos());
    }

}
