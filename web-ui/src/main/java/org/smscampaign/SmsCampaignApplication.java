package org.smscampaign;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The SMS campaign platform. Each direct sub-package is an application module (see
 * ARCHITECTURE.md): contact, segment and campaign (campaign-core), link (link-tracking),
 * messaging (messaging-gateway) and web (this module).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SmsCampaignApplication {

    /** The one clock of the platform; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(SmsCampaignApplication.class, args);
    }

}
