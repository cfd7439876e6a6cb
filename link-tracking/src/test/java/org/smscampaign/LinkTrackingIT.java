package org.smscampaign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.smscampaign.testsupport.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;

/** The link-tracking module on a random port against the test PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = LinkTrackingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/link-tracking",
                "sms.link.default-base-url=http://localhost/r/", "sms.link.buffer.flush-interval=20ms",
                "sms.link.misses.per-minute=100000", "server.forward-headers-strategy=native",
                "sms.link.server.port=0" })
@PostgresTest
public @interface LinkTrackingIT {

}
