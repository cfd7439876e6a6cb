package org.smscampaign.web.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo profile.
 *
 * @param password password of the seeded demo users ({@code SMS_DEMO_PASSWORD}); when
 * empty each start generates new ones and prints them
 * @param taps whether a simulated audience taps the links of delivered campaign messages
 * (through the real redirector) and some convert
 */
@ConfigurationProperties("sms.demo")
record DemoProperties(String password, @DefaultValue("true") boolean taps) {

}
