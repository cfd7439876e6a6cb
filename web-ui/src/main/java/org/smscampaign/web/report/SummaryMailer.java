package org.smscampaign.web.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.report.ReportHistory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Produces a summary report: renders it as a self-contained HTML e-mail with the PDF
 * attached, sends it to the recipients of the account's settings when an SMTP server is
 * configured, and keeps it in the history with the outcome either way.
 */
@Component
class SummaryMailer {

    private static final Logger log = LoggerFactory.getLogger(SummaryMailer.class);

    private final ReportHistory history;

    private final ITemplateEngine templates;

    private final ObjectProvider<JavaMailSender> mail;

    private final ReportProperties properties;

    private final ReportSettings settings;

    private final SummaryPdf pdf;

    SummaryMailer(ReportHistory history, ITemplateEngine templates, ObjectProvider<JavaMailSender> mail,
            ReportProperties properties, ReportSettings settings, SummaryPdf pdf) {
        this.history = history;
        this.templates = templates;
        this.mail = mail;
        this.properties = properties;
        this.settings = settings;
        this.pdf = pdf;
    }

    /** Produces a summary under a claimed history id. */
    ReportHistory.Delivery produce(long id, SummaryDocument document) {
        List<String> recipients = this.settings.current().recipients();
        try {
            return render(id, document, recipients);
        }
        catch (RuntimeException ex) {
            log.warn("Report {} could not be produced: {}", document.title(), ex.getMessage());
            this.history.finish(id, null, recipients, ReportHistory.Delivery.FAILED,
                    truncate("Could not be produced: " + ex.getMessage()));
            return ReportHistory.Delivery.FAILED;
        }
    }

    private ReportHistory.Delivery render(long id, SummaryDocument document, List<String> recipients) {
        String html = this.templates.process("reports/mail", new Context(Locale.US, Map.of("doc", document, "summary",
                document.summary(), "title", document.title(), "baseUrl", baseUrl(), "mail", true)));
        JavaMailSender sender = this.mail.getIfAvailable();
        if (sender == null || recipients.isEmpty()) {
            String why = (sender == null) ? "No SMTP server configured (spring.mail.host): kept here only."
                    : "No recipients configured (Admin > Reports or sms.report.recipients): kept here only.";
            this.history.finish(id, html, recipients, ReportHistory.Delivery.NOT_SENT, why);
            return ReportHistory.Delivery.NOT_SENT;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(this.properties.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(document.title());
            helper.setText(html, true);
            helper.addAttachment(document.fileName() + ".pdf", new ByteArrayResource(this.pdf.render(document)),
                    "application/pdf");
            sender.send(message);
            this.history.finish(id, html, recipients, ReportHistory.Delivery.SENT, null);
            log.info("Report {} e-mailed to {} recipients", document.title(), recipients.size());
            return ReportHistory.Delivery.SENT;
        }
        catch (MailException | MessagingException ex) {
            log.warn("Report {} could not be e-mailed: {}", document.title(), ex.getMessage());
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
