package org.smscampaign.web.bulkhead;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bulkhead of the heavy reads, per instance.
 *
 * @param maxConcurrent heavy reads that may run at once; keep it well below the
 * connection pool ({@code spring.datasource.hikari.maximum-pool-size}, 20) and near the
 * database's cores, since each is a scan
 * @param maxWait how long a request over the bound waits for a turn before 429
 * @param retryAfter the Retry-After told to a refused request
 */
@ConfigurationProperties("sms.web.expensive-reads")
public record ExpensiveReadsProperties(@DefaultValue("2") int maxConcurrent, @DefaultValue("2s") Duration maxWait,
        @DefaultValue("5s") Duration retryAfter) {

    public ExpensiveReadsProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("sms.web.expensive-reads.max-concurrent needs to be at least 1");
        }
        if (maxWait.isNegative() || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "sms.web.expensive-reads needs max-wait >= 0 and retry-after of at least 1 second");
        }
    }

}
