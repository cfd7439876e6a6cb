package org.smscampaign.web.share;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Limits how many shared-link requests one client address makes per minute (bucket4j):
 * the pages are public and each one computes a report.
 */
@Component
class ShareLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();

    private final int perMinute;

    ShareLimiter(ShareProperties properties) {
        this.perMinute = properties.perMinute();
    }

    /** Whether this client may make one more request. */
    boolean tryRequest(String client) {
        Bucket bucket = this.buckets.get((client != null) ? client : "",
                (key) -> Bucket.builder()
                    .addLimit(Bandwidth.builder()
                        .capacity(this.perMinute)
                        .refillGreedy(this.perMinute, Duration.ofMinutes(1))
                        .build())
                    .build());
        return bucket.tryConsume(1);
    }

}
