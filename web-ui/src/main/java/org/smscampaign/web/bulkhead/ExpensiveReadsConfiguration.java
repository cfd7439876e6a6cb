package org.smscampaign.web.bulkhead;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one bulkhead of the heavy reads of pages and API alike, with its metrics
 * ({@code resilience4j_bulkhead_available_concurrent_calls{name="expensive-reads"}}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExpensiveReadsProperties.class)
class ExpensiveReadsConfiguration {

    @Bean
    Bulkhead expensiveReadsBulkhead(ExpensiveReadsProperties properties, MeterRegistry meters) {
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
            .maxConcurrentCalls(properties.maxConcurrent())
            .maxWaitDuration(properties.maxWait())
            .build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        return registry.bulkhead("expensive-reads");
    }

}
