package org.smscampaign.link.click;

import org.smscampaign.platform.MonthPartitionedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hits are raw detail, partitioned by month of their moment: the platform keeps the
 * months ahead and drops those past the retention (the campaign figures live on in the
 * rollups).
 */
@Configuration(proxyBeanMethods = false)
class ClickPartitions {

    @Bean
    MonthPartitionedTable clickTable() {
        return new MonthPartitionedTable("link_click", "occurred_at", "id", true);
    }

}
