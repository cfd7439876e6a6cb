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
 * The whole platform on a random port against the test PostgreSQL, with the demo users
 * (passwords from {@code application-it.yml}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresTest
@ActiveProfiles({ "it", "demo" })
public @interface PlatformIT {

    String ADMIN = "admin";

    String ADMIN_PASSWORD = "it-owner-passphrase";

    String DEMO_PASSWORD = "it-demo-password";

}
