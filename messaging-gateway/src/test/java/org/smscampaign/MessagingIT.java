package org.smscampaign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.smscampaign.testsupport.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The messaging gateway on a random port against the test PostgreSQL, with the simulator
 * as provider (fast), and three senders: {@code fast} (no pace), {@code paced} (5
 * segments/s) and {@code whatsapp}. Prices are fetched when a test asks
 * ({@code PriceFetcher.fetch()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/messaging-gateway",
                "sms.messaging.simulator.latency=0ms", "sms.messaging.simulator.delivery-delay=200ms",
                "sms.messaging.simulator.delivered-share=1.0", "sms.messaging.dispatch.sweep-interval=200ms",
                "sms.messaging.dispatch.poll-interval=50ms", "sms.messaging.dispatch.reconcile-after=1s",
                "sms.messaging.dispatch.initial-backoff=200ms", "sms.messaging.dispatch.max-backoff=1s",
                "sms.messaging.senders.fast.segments-per-second=0", "sms.messaging.senders.fast.concurrency=4",
                "sms.messaging.senders.fast.cost-per-segment=0.05", "sms.messaging.senders.paced.segments-per-second=5",
                "sms.messaging.senders.whatsapp.channel=WHATSAPP", "sms.messaging.senders.whatsapp.from=+14155550100",
                "sms.messaging.senders.whatsapp.segments-per-second=0", "sms.messaging.senders.rcs.channel=RCS",
                "sms.messaging.senders.rcs.messaging-service-sid=MG000000000000000000000000000000c5",
                "sms.messaging.senders.rcs.segments-per-second=0", "sms.messaging.simulator.whatsapp-share=1.0",
                "sms.messaging.simulator.rcs-share=1.0", "sms.messaging.simulator.read-share=1.0",
                "sms.messaging.simulator.read-delay=300ms", "sms.messaging.pricing.fetch.enabled=false",
                "sms.messaging.pricing.fetch.delay=0s" })
@PostgresTest
public @interface MessagingIT {

}
