package org.smscampaign.web.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo profile.
 *
 * @param password password of the seeded demo users ({@code SMS_DEMO_PASSWORD}); when
 * empty each start generates new ones and prints them
 */
@ConfigurationProperties("sms.demo")
record DemoProperties(String password) {

}
