package org.smscampaign.platform.partition;

import org.smscampaign.platform.PartitionProperties;
import org.smscampaign.platform.RollupProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PartitionProperties.class, RollupProperties.class })
class PartitionsConfiguration {

}
