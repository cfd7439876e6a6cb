package org.smscampaign.platform;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * platform-support on its own, for its tests, with one partitioned table of raw detail.
 */
@SpringBootApplication
public class PlatformTestApplication {

    @Bean
    BlockRollup sampleSales() {
        return new BlockRollup() {

            @Override
            public String name() {
                return "sales";
            }

            @Override
            public int blockSize() {
                return 100;
            }

            @Override
            public List<String> changedBlocks() {
                return List
                    .of("select campaign_id, id / :size as block from sample_sale where txid >= :from and txid < :to");
            }

            @Override
            public String blocksOfCampaign() {
                return "select distinct id / :size from sample_sale where campaign_id = :campaign";
            }

            @Override
            public List<RolledTable> tables() {
                return List.of(new RolledTable("sample_sale_total", "sample_sale_total_block", List.of("item_group"),
                        List.of("sales", "amount"), """
                                select (item %% 3)::int, count(*), sum(amount) from sample_sale
                                where campaign_id = :campaign and id between :first and :last group by 1"""
                            .replace("%%", "%")));
            }

        };
    }

    @Bean
    MonthPartitionedTable sampleEvents() {
        return new MonthPartitionedTable("sample_event", "at", "id", true);
    }

}
