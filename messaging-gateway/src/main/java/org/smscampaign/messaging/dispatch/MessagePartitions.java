package org.smscampaign.messaging.dispatch;

import org.smscampaign.platform.MonthPartitionedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The message history (every status a message went through) is raw detail, partitioned by
 * month of its moment: the platform keeps the months ahead and drops those past the
 * retention (the campaign figures live on in the rollups).
 */
@Configuration(proxyBeanMethods = false)
class MessagePartitions {

    @Bean
    MonthPartitionedTable messageHistoryTable() {
        return new MonthPartitionedTable("message_event", "at", "id", true);
    }

}
