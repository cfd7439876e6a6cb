package org.smscampaign.web.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Summary reports by e-mail (SMTP settings: {@code spring.mail.*}, from the environment).
 *
 * @param recipients who gets the daily summary and on-demand ones (none: reports are only
 * kept in the history)
 * @param from sender address of the e-mails
 * @param dailyCron when the previous day's summary is produced (UTC; "-" turns it off)
 * @param publicUrl the platform's address, for links in e-mails
 */
@ConfigurationProperties("sms.report")
record ReportProperties(List<String> recipients, @DefaultValue("SMS Campaign Platform <reports@localhost>") String from,
        @DefaultValue("0 0 6 * * *") String dailyCron, @DefaultValue("http://localhost:8080") String publicUrl) {

    ReportProperties {
        recipients = (recipients != null) ? recipients.stream().filter((r) -> !r.isBlank()).toList() : List.of();
    }

}
