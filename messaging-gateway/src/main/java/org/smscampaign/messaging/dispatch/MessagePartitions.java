package org.smscampaign.messaging.dispatch;

import org.smscampaign.platform.MonthPartitionedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Messages are partitioned by month of their creation, kept; their history (every status
 * a message went through) by month of its moment, raw detail dropped past the retention
 * (the campaign figures live on in the rollups). The platform keeps the months ahead.
 */
@Configuration(proxyBeanMethods = false)
class MessagePartitions {

    @Bean
    MonthPartitionedTable messageTable() {
        return new MonthPartitionedTable("outbound_message", "created_at", "id", false);
    }

    @Bean
    MonthPartitionedTable messageHistoryTable() {
        return new MonthPartitionedTable("message_event", "at", "id", true);
    }

}
