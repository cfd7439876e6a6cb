package org.smscampaign.messaging.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.smscampaign.messaging.MessagingProperties;

import org.springframework.stereotype.Component;

/**
 * The pace of each sender, in segments per second: a token bucket per sender kept in
 * PostgreSQL (bucket4j), so that every instance draws from the same one and two instances
 * together never send faster than one may. The bucket holds at most the sender's burst.
 */
@Component
class Pacing {

    private final ProxyManager<String> buckets;

    private final Map<String, Bucket> bySender = new ConcurrentHashMap<>();

    Pacing(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("sender_bucket")
            .idColumn("id")
            .stateColumn("state")
            .build();
    }

    /** The sender's bucket, or null when it has no limit. */
    Bucket of(String name, MessagingProperties.Sender sender) {
        if (sender.segmentsPerSecond() <= 0) {
            return null;
        }
        return this.bySender.computeIfAbsent(name, (key) -> {
            BucketConfiguration configuration = configuration(sender);
            // A changed pace replaces the stored configuration (its version is the
            // settings').
            long version = Math.abs((long) (sender.segmentsPerSecond() * 1000) * 31 + sender.bucketCapacity());
            return this.buckets.builder()
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                .build(key, () -> configuration);
        });
    }

    static BucketConfiguration configuration(MessagingProperties.Sender sender) {
        double rate = sender.segmentsPerSecond();
        boolean whole = rate == Math.rint(rate);
        Bandwidth limit = Bandwidth.builder()
            .capacity(sender.bucketCapacity())
            .refillGreedy(whole ? (long) rate : Math.round(rate * 1000),
                    whole ? Duration.ofSeconds(1) : Duration.ofSeconds(1000))
            .initialTokens(sender.bucketCapacity())
            .build();
        return BucketConfiguration.builder().addLimit(limit).build();
    }

}
