package org.smscampaign.link.redirect;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.smscampaign.link.LinkProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links by code, in front of the database. Entries are refreshed in the background after
 * the configured time, and a failed refresh keeps the old entry: redirects go on from
 * memory while the database is slow or down. Unknown codes are remembered briefly, so
 * guessing does not reach the database each time.
 */
@Component
class LinkCache {

    private static final Duration UNKNOWN_CODE_TIME = Duration.ofSeconds(30);

    private static final Duration UNUSED_TIME = Duration.ofHours(24);

    private static final String QUERY = """
            select l.id, l.target_url, l.expires_at, coalesce(l.fallback_url, b.fallback_url) as fallback,
                l.campaign_id, l.contact_id, l.variant, l.message_id
            from short_link l join link_brand b on b.id = l.brand_id
            where l.code = :code""";

    private final JdbcClient jdbc;

    private final String clickParameter;

    private final LoadingCache<String, Optional<LinkTarget>> cache;

    /**
     * Reads links again in the background. Caffeine's default, the common fork-join pool,
     * has a parallelism of one on two cores and then starts a new thread for every task:
     * a storm of thread starts when thousands of hot links come due for refresh together.
     */
    private final ExecutorService refresher = Executors.newFixedThreadPool(2, (task) -> {
        Thread thread = new Thread(task, "link-cache-refresh");
        thread.setDaemon(true);
        return thread;
    });

    LinkCache(JdbcClient jdbc, LinkProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clickParameter = properties.clickIdParameter();
        Duration refresh = properties.cache().timeToLive();
        this.cache = Caffeine.newBuilder()
            .maximumSize(properties.cache().maximumSize())
            .executor(this.refresher)
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
            .build(this::load);
        CaffeineCacheMetrics.monitor(meters, this.cache, "sms.link.cache");
    }

    /**
     * The link of a code; throws when it is not cached and the database cannot be asked.
     */
    Optional<LinkTarget> get(String code) {
        return this.cache.get(code);
    }

    @PreDestroy
    void stopRefreshing() {
        this.refresher.shutdownNow();
    }

    /** Forgets a changed link: the next request reads it from the database. */
    void forget(String code) {
        this.cache.invalidate(code);
    }

    /**
     * Reads every cached link again in the background; the old entries answer meanwhile.
     */
    void refreshAll() {
        this.cache.refreshAll(List.copyOf(this.cache.asMap().keySet()));
    }

    private Optional<LinkTarget> load(String code) {
        return this.jdbc.sql(QUERY).param("code", code).query((row, n) -> {
            Timestamp expires = row.getTimestamp("expires_at");
            return LinkTarget.of(row.getLong("id"), row.getString("target_url"),
                    (expires != null) ? expires.getTime() : 0, row.getString("fallback"),
                    row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                    row.getString("variant"), row.getObject("message_id", Long.class), this.clickParameter);
        }).optional();
    }

    long size() {
        return this.cache.estimatedSize();
    }

    static long toMillis(Duration duration) {
        return TimeUnit.NANOSECONDS.toMillis(duration.toNanos());
    }

}
