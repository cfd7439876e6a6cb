package org.smscampaign.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * platform-support on its own, for its tests, with one partitioned table of raw detail.
 */
@SpringBootApplication
public class PlatformTestApplication {

    @Bean
    MonthPartitionedTable sampleEvents() {
        return new MonthPartitionedTable("sample_event", "at", "id", true);
    }

}
