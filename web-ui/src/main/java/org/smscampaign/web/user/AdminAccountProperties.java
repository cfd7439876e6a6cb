package org.smscampaign.web.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created at start when the platform has no admin yet.
 *
 * @param username from {@code SMS_ADMIN_USERNAME}
 * @param password from {@code SMS_ADMIN_PASSWORD}; when empty a random one is generated
 * and printed once
 */
@ConfigurationProperties("sms.web.admin")
record AdminAccountProperties(@DefaultValue("admin") String username, String password) {

}
