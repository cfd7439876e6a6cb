package org.smscampaign;

import java.time.Clock;

import org.smscampaign.messaging.TestClock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The messaging gateway on its own, for its tests, with a clock tests can move. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MessagingTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock();
    }

}
