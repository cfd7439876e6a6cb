package org.smscampaign.web.report;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Summary reports by e-mail (SMTP settings: {@code spring.mail.*}, from the environment).
 * Time zone, hour, recipients and kinds are defaults: an admin's saved settings replace
 * them (Admin > Reports).
 *
 * @param recipients who gets the summaries and on-demand ones (none: reports are only
 * kept in the history)
 * @param from sender address of the e-mails
 * @param publicUrl the platform's address, for links in e-mails
 * @param timeZone the account's zone: where a day, week and month start
 * @param sendHour the local hour at which a finished period's summary is e-mailed
 * @param kinds which summaries are e-mailed (daily, weekly, monthly)
 * @param catchUp how far back a summary missed while no instance ran is still sent
 * @param checkEvery how often an instance looks for a summary that fell due
 */
@ConfigurationProperties("sms.report")
record ReportProperties(List<String> recipients, @DefaultValue("SMS Campaign Platform <reports@localhost>") String from,
        @DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("6") int sendHour, @DefaultValue("daily") Set<SummaryKind> kinds,
        @DefaultValue("2d") Duration catchUp, @DefaultValue("1m") Duration checkEvery) {

    ReportProperties {
        recipients = (recipients != null) ? recipients.stream().filter((r) -> !r.isBlank()).toList() : List.of();
        if (sendHour < 0 || sendHour > 23) {
            throw new IllegalArgumentException("sms.report.send-hour is an hour of the day, 0 to 23.");
        }
    }

}
