package org.smscampaign;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** campaign-core with its two leaves, without the web module, for this module's tests. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignCoreTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
