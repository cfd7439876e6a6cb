package org.smscampaign.web.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.report.PeriodSummary;
import org.smscampaign.report.ReportHistory;
import org.smscampaign.report.SummaryReports;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Produces a summary report: renders it as a self-contained HTML e-mail, sends it to the
 * configured recipients when an SMTP server is configured, and keeps it in the history
 * with the outcome either way.
 */
@Component
class SummaryMailer {

    private static final Logger log = LoggerFactory.getLogger(SummaryMailer.class);

    private final SummaryReports summaries;

    private final ReportHistory history;

    private final ITemplateEngine templates;

    private final ObjectProvider<JavaMailSender> mail;

    private final ReportProperties properties;

    SummaryMailer(SummaryReports summaries, ReportHistory history, ITemplateEngine templates,
            ObjectProvider<JavaMailSender> mail, ReportProperties properties) {
        this.summaries = summaries;
        this.history = history;
        this.templates = templates;
        this.mail = mail;
        this.properties = properties;
    }

    /** Produces the report of the days from..to (inclusive, UTC) under a claimed id. */
    ReportHistory.Delivery produce(long id, LocalDate from, LocalDate to, String title) {
        try {
            return render(id, from, to, title);
        }
        catch (RuntimeException ex) {
            log.warn("Report {} could not be produced: {}", title, ex.getMessage());
            this.history.finish(id, null, this.properties.recipients(), ReportHistory.Delivery.FAILED,
                    truncate("Could not be produced: " + ex.getMessage()));
            return ReportHistory.Delivery.FAILED;
        }
    }

    private ReportHistory.Delivery render(long id, LocalDate from, LocalDate to, String title) {
        PeriodSummary summary = this.summaries.summary(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        String html = this.templates.process("reports/mail",
                new Context(Locale.US, Map.of("summary", summary, "title", title, "baseUrl", baseUrl(), "mail", true)));
        List<String> recipients = this.properties.recipients();
        JavaMailSender sender = this.mail.getIfAvailable();
        if (sender == null || recipients.isEmpty()) {
            String why = (sender == null) ? "No SMTP server configured (spring.mail.host): kept here only."
                    : "No recipients configured (sms.report.recipients): kept here only.";
            this.history.finish(id, html, recipients, ReportHistory.Delivery.NOT_SENT, why);
            return ReportHistory.Delivery.NOT_SENT;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(this.properties.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(title);
            helper.setText(html, true);
            sender.send(message);
            this.history.finish(id, html, recipients, ReportHistory.Delivery.SENT, null);
            log.info("Report {} e-mailed to {} recipients", title, recipients.size());
            return ReportHistory.Delivery.SENT;
        }
        catch (MailException | MessagingException ex) {
            log.warn("Report {} could not be e-mailed: {}", title, ex.getMessage());
            this.history.finish(id, html, recipients, ReportHistory.Delivery.FAILED, truncate(ex.getMessage()));
            return ReportHistory.Delivery.FAILED;
        }
    }

    private String baseUrl() {
        String url = this.properties.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String truncate(String text) {
        return (text == null || text.length() <= 500) ? text : text.substring(0, 500);
    }

}
