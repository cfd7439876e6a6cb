package org.smscampaign.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.smscampaign.testsupport.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform as in production where links are concerned: a campaign whose links
 * recipients cannot open does not launch ({@code sms.link.allow-local-link-hosts} off).
 * Without the demo profile, whose campaigns launch with localhost links, and in a schema
 * of its own, so the demo's data elsewhere is not disturbed. The admin of
 * {@code application-it.yml} signs in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sms.test.schema=web_ui_link_rules", "sms.link.allow-local-link-hosts=false" })
@PostgresTest
@ActiveProfiles("it")
public @interface ProductionLinkRules {

}
