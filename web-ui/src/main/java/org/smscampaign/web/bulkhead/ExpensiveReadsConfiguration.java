package org.smscampaign.web.bulkhead;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;

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

    /** The API description says where heavy reads may be refused, and how. */
    @Bean
    OperationCustomizer busyAnswers() {
        return (operation, handler) -> {
            if (ExpensiveReadLimit.expensive(handler)) {
                operation.getResponses()
                    .addApiResponse("429", new ApiResponse()
                        .description("Busy (problem type /problems/busy): as many heavy reads run as allowed at "
                                + "once; retry after the seconds in Retry-After.")
                        .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                            .schema(new IntegerSchema())));
            }
            return operation;
        };
    }

}
