package org.smscampaign.web.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert e-mails (SMTP settings: {@code spring.mail.*}; recipients: Admin › Alerts).
 *
 * @param from sender address
 * @param publicUrl the platform's address, for the links in the e-mail
 */
@ConfigurationProperties("sms.alert.mail")
record AlertMailProperties(@DefaultValue("SMS Campaign Platform <alerts@localhost>") String from,
        @DefaultValue("http://localhost:8080") String publicUrl) {

}
