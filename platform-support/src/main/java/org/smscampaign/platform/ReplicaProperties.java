package org.smscampaign.platform;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A PostgreSQL streaming replica for read-only work ({@link ReplicaReads}): dashboards,
 * reports, exports and segment counts read there while it is at most {@code maxLag}
 * behind the primary, and on the primary otherwise.
 *
 * @param url JDBC URL of the replica; none (the default): everything runs on the primary
 * @param username login on the replica (default: {@code spring.datasource.username})
 * @param password its password (default: {@code spring.datasource.password})
 * @param maxLag reads go back to the primary while the replica is further behind, or down
 * @param checkInterval how often the lag is measured
 * @param maximumPoolSize connections to the replica
 * @param connectionTimeout how long a read waits for a replica connection before it runs
 * on the primary
 * @param socketTimeout no read on the replica waits longer for an answer: a replica that
 * hangs cannot hold a request
 */
@Validated
@ConfigurationProperties("sms.platform.replica")
public record ReplicaProperties(String url, String username, String password, @DefaultValue("10s") Duration maxLag,
        @DefaultValue("1s") Duration checkInterval, @DefaultValue("10") @Min(1) int maximumPoolSize,
        @DefaultValue("2s") Duration connectionTimeout, @DefaultValue("60s") Duration socketTimeout) {

    public boolean configured() {
        return this.url != null && !this.url.isBlank();
    }

}
