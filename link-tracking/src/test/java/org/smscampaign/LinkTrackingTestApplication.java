package org.smscampaign;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The link-tracking module on its own, for its tests. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinkTrackingTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
