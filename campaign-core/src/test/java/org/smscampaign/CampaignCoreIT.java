package org.smscampaign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.smscampaign.testsupport.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A campaign-core test against the test PostgreSQL, with this Maven module's migrations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = CampaignCoreTestApplication.class,
        properties = {
                "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/campaign-core,"
                        + "classpath:db/migration/link-tracking,classpath:db/migration/messaging-gateway",
                "spring.jpa.open-in-view=false", "sms.contact.default-region=DE", "sms.link.server.port=0",
                "sms.campaign.launch-batch=100",
                // a trial on this computer: the test brands' links point at localhost
                "sms.link.allow-local-link-hosts=true" })
@PostgresTest
public @interface CampaignCoreIT {

}
