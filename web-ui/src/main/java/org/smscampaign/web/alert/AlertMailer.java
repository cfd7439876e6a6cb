package org.smscampaign.web.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertView;
import org.smscampaign.alert.Alerts;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.web.user.UserAccounts;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails each raised alert to the campaign's owner (their address on Admin › Users) and
 * the recipients of Admin › Alerts, when an SMTP server is configured; the outcome (sent,
 * not configured, failed) is kept on the alert and logged.
 */
@Component
class AlertMailer {

    static final String SENT = "SENT";

    static final String NOT_CONFIGURED = "NOT_CONFIGURED";

    static final String FAILED = "FAILED";

    private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);

    private final Alerts alerts;

    private final AlertManagement management;

    private final CampaignManagement campaigns;

    private final UserAccounts users;

    private final ITemplateEngine templates;

    private final ObjectProvider<JavaMailSender> mail;

    private final AlertMailProperties properties;

    private final FigureLabels figures;

    AlertMailer(Alerts alerts, AlertManagement management, CampaignManagement campaigns, UserAccounts users,
            ITemplateEngine templates, ObjectProvider<JavaMailSender> mail, AlertMailProperties properties,
            FigureLabels figures) {
        this.figures = figures;
        this.alerts = alerts;
        this.management = management;
        this.campaigns = campaigns;
        this.users = users;
        this.templates = templates;
        this.mail = mail;
        this.properties = properties;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void raised(PlatformEvent event) {
        if (!PlatformEvent.ALERT_RAISED.equals(event.type()) || !(event.data().get("alertId") instanceof Number id)) {
            return;
        }
        try {
            this.alerts.find(id.longValue()).ifPresent(this::send);
        }
        catch (RuntimeException ex) {
            // The alert stays in the centre even when its e-mail cannot be made.
            log.warn("Alert {} not e-mailed: {}", id, ex.getMessage());
            this.management.recordMail(id.longValue(), FAILED, ex.getMessage());
        }
    }

    private void send(AlertView alert) {
        List<String> recipients = recipients(alert);
        JavaMailSender sender = this.mail.getIfAvailable();
        if (sender == null || recipients.isEmpty()) {
            String why = (sender == null) ? "No SMTP server configured (spring.mail.host): shown in the app only."
                    : "Nobody to send it to: the owner has no e-mail address and Admin \u203a Alerts lists none.";
            log.info("Alert {} not e-mailed: {}", alert.id(), why);
            this.management.recordMail(alert.id(), NOT_CONFIGURED, why);
            return;
        }
        try {
            String html = this.templates.process("alerts/mail", new Context(Locale.US,
                    Map.of("alert", alert, "baseUrl", baseUrl(), "title", subject(alert), "figures", this.figures)));
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(this.properties.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject(alert));
            helper.setText(html, true);
            sender.send(message);
            log.info("Alert {} e-mailed to {} recipients", alert.id(), recipients.size());
            this.management.recordMail(alert.id(), SENT, String.join(", ", recipients));
        }
        catch (MailException | MessagingException ex) {
            log.warn("Alert {} could not be e-mailed: {}", alert.id(), ex.getMessage());
            this.management.recordMail(alert.id(), FAILED, ex.getMessage());
        }
    }

    private List<String> recipients(AlertView alert) {
        List<String> recipients = new ArrayList<>();
        if (alert.campaignId() != null) {
            this.campaigns.find(alert.campaignId())
                .map(CampaignView::createdBy)
                .flatMap(this.users::emailOf)
                .ifPresent(recipients::add);
        }
        for (String recipient : this.management.settings().recipients()) {
            if (recipients.stream().noneMatch(recipient::equalsIgnoreCase)) {
                recipients.add(recipient);
            }
        }
        return recipients;
    }

    private static String subject(AlertView alert) {
        return "Alert: " + alert.ruleLabel()
                + ((alert.campaignName() != null) ? " \u2013 " + alert.campaignName() : "");
    }

    private String baseUrl() {
        String url = this.properties.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
