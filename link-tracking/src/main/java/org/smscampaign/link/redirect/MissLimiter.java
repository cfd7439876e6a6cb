package org.smscampaign.link.redirect;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.smscampaign.link.LinkProperties;

import org.springframework.stereotype.Component;

/**
 * Limits how many unknown codes one client address may try per minute (bucket4j), so
 * codes cannot be enumerated. Known codes are never limited.
 */
@Component
class MissLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
        .maximumSize(200_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();

    private final int perMinute;

    MissLimiter(LinkProperties properties) {
        this.perMinute = properties.misses().perMinute();
    }

    /** Whether this client may be told about one more unknown code. */
    boolean tryMiss(String client) {
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
