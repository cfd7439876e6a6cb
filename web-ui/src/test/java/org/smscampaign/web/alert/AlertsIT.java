package org.smscampaign.web.alert;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.AlertSettings;
import org.smscampaign.alert.AlertView;
import org.smscampaign.alert.Alerts;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.user.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts end to end on PostgreSQL: a condition fires once however often it is evaluated,
 * resolves when it clears, keeps the figures of both moments, publishes its events after
 * it is stored, and is e-mailed (a real SMTP server on loopback) to the campaign's owner
 * and the configured recipients.
 */
@PlatformIT
class AlertsIT {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @TestConfiguration
    static class Recording {

        @Bean
        EventLog eventLog() {
            return new EventLog();
        }

    }

    /** Every platform event, as listeners see it: after the change is stored. */
    static class EventLog {

        final List<PlatformEvent> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener(fallbackExecution = true)
        void record(PlatformEvent event) {
            this.events.add(event);
        }

        List<PlatformEvent> of(String type, long campaignId, AlertRule rule) {
            return this.events.stream()
                .filter((e) -> e.type().equals(type) && Long.valueOf(campaignId).equals(e.campaignId())
                        && rule.name().equals(e.data().get("rule")))
                .toList();
        }

    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertManagement management;

    @Autowired
    Alerts alerts;

    @Autowired
    CampaignReports reports;

    @Autowired
    MessageGateway gateway;

    @Autowired
    UserAccounts users;

    @Autowired
    EventLog log;

    @LocalServerPort
    int port;

    @Test
    void aConditionFiresOnceResolvesWhenItClearsAndKeepsItsFigures() {
        TestCampaign campaign = new TestCampaign(this.jdbc, "Delivery trouble").messages("DELIVERED", 6)
            .messages("UNDELIVERED", 4);
        // Its own thresholds: from 5 sent messages (the account's default is 200).
        this.management.saveOverrides(campaign.id(),
                List.of(new RuleOverride(AlertRule.LOW_DELIVERY_RATE, null, null, 5),
                        new RuleOverride(AlertRule.HIGH_UNDELIVERED_RATE, null, null, 5)),
                "test");
        this.reports.refreshedReport(campaign.id());
        for (int i = 0; i < 3; i++) {
            this.management.evaluateNow();
        }

        List<AlertView> fired = this.alerts.ofCampaign(campaign.id());
        assertThat(fired).as("once per condition, however often evaluated")
            .extracting(AlertView::rule)
            .containsExactlyInAnyOrder("LOW_DELIVERY_RATE", "HIGH_UNDELIVERED_RATE");
        AlertView delivery = only(fired, AlertRule.LOW_DELIVERY_RATE);
        assertThat(delivery.open()).isTrue();
        assertThat(delivery.figures()).containsEntry("deliveryRate", 60.0)
            .containsEntry("threshold", 90.0)
            .containsEntry("sent", 10);
        assertThat(delivery.title()).isEqualTo("Delivery rate 60.0 % is below 90.0 % after 10 sent messages");
        assertThat(this.log.of(PlatformEvent.ALERT_RAISED, campaign.id(), AlertRule.LOW_DELIVERY_RATE)).singleElement()
            .satisfies((e) -> {
                assertThat(e.campaignName()).isEqualTo(campaign.name());
                assertThat(e.data()).containsEntry("alertId", delivery.id()).containsEntry("subject", "");
                assertThat(e.data().get("figures")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("deliveryRate", 60.0)
                    .containsEntry("sent", 10L);
            });

        campaign.deliverAll();
        this.reports.refreshedReport(campaign.id());
        this.management.evaluateNow();
        this.management.evaluateNow();

        AlertView resolved = this.alerts.find(delivery.id()).orElseThrow();
        assertThat(resolved.open()).isFalse();
        assertThat(resolved.figures()).as("the figures that fired it stay").isEqualTo(delivery.figures());
        assertThat(resolved.resolvedFigures()).containsEntry("deliveryRate", 100.0);
        assertThat(this.log.of(PlatformEvent.ALERT_RESOLVED, campaign.id(), AlertRule.LOW_DELIVERY_RATE))
            .singleElement()
            .satisfies((e) -> assertThat(e.data()).containsEntry("alertId", delivery.id()));
        assertThat(this.alerts.ofCampaign(campaign.id())).as("history kept, nothing raised again").hasSize(2);
    }

    @Test
    void anErrorStormPauseAlertsAtOnceAndClearsOnResume() {
        TestCampaign campaign = new TestCampaign(this.jdbc, "Storm").messages("FAILED", 3);
        this.gateway.pause(campaign.id(), "20 failures in a row", "error storm");
        this.management.evaluateNow();
        this.management.evaluateNow();

        AlertView storm = only(this.alerts.ofCampaign(campaign.id()), AlertRule.ERROR_STORM_PAUSE);
        assertThat(storm.severity()).isEqualTo("CRITICAL");
        assertThat(storm.figures()).containsEntry("pausedBy", "error storm")
            .containsEntry("reason", "20 failures in a row");
        assertThat(this.log.of(PlatformEvent.ALERT_RAISED, campaign.id(), AlertRule.ERROR_STORM_PAUSE)).hasSize(1);

        this.gateway.resume(campaign.id(), "demo-marketer");
        this.management.evaluateNow();
        assertThat(this.alerts.find(storm.id()).orElseThrow().open()).isFalse();
        assertThat(this.log.of(PlatformEvent.ALERT_RESOLVED, campaign.id(), AlertRule.ERROR_STORM_PAUSE)).hasSize(1);
    }

    @Test
    void aRaisedAlertIsMailedToTheOwnerAndTheConfiguredRecipients() throws Exception {
        long owner = this.users.find("demo-marketer").orElseThrow().id();
        this.users.changeEmail(owner, "owner@shop.example");
        AlertSettings settings = this.management.settings();
        this.management.saveSettings(new AlertSettings(settings.rules(), List.of("cmo@shop.example")), "test");
        TestCampaign campaign = new TestCampaign(this.jdbc, "Mailed").messages("DELIVERED", 2)
            .messages("UNDELIVERED", 8);
        this.management.saveOverrides(campaign.id(),
                List.of(new RuleOverride(AlertRule.LOW_DELIVERY_RATE, null, null, 5)), "test");
        this.reports.refreshedReport(campaign.id());
        this.management.evaluateNow();

        waitUntil(() -> mailsAbout(campaign).size() >= 2, "the alert e-mail arrives for both recipients");
        List<MimeMessage> mails = mailsAbout(campaign);
        assertThat(mails).hasSize(2);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Alert: Low delivery rate \u2013 " + campaign.name());
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
            .containsExactlyInAnyOrder("owner@shop.example", "cmo@shop.example");
        assertThat((String) mail.getContent()).contains("Delivery rate 20.0 % is below 90.0 % after 10 sent messages")
            .contains("/campaigns/" + campaign.id());
        AlertView alert = only(this.alerts.ofCampaign(campaign.id()), AlertRule.LOW_DELIVERY_RATE);
        waitUntil(() -> "SENT".equals(this.alerts.find(alert.id()).orElseThrow().mailOutcome()),
                "the outcome is kept on the alert");
        assertThat(this.alerts.find(alert.id()).orElseThrow().mailDetail())
            .isEqualTo("owner@shop.example, cmo@shop.example");
    }

    @Test
    void theRestApiListsAlertsAndAdminsChangeTheSettings() {
        TestCampaign campaign = new TestCampaign(this.jdbc, "Over REST").messages("DELIVERED", 1)
            .messages("UNDELIVERED", 9);
        this.management.saveOverrides(campaign.id(),
                List.of(new RuleOverride(AlertRule.LOW_DELIVERY_RATE, null, null, 5)), "test");
        this.reports.refreshedReport(campaign.id());
        this.management.evaluateNow();

        HttpFixture admin = new HttpFixture(this.port);
        admin.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        var list = admin.get("/api/v1/alerts?open=true&campaignId=" + campaign.id(), "Accept", "application/json");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"rule\":\"LOW_DELIVERY_RATE\"").contains("\"deliveryRate\":10.0");

        var settings = admin.get("/api/v1/admin/alert-settings", "Accept", "application/json");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("\"rule\":\"QUEUE_STALLED\"");

        String csrf = admin.csrfToken("/admin/alerts");
        var bad = admin.putJson("/api/v1/admin/alert-settings",
                "{\"rules\":[{\"rule\":\"LOW_DELIVERY_RATE\",\"enabled\":true,\"threshold\":150,\"minimum\":10}],"
                        + "\"recipients\":[]}",
                "X-CSRF-TOKEN", csrf);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("validation-failed").contains("at most 100");
    }

    private static AlertView only(List<AlertView> alerts, AlertRule rule) {
        return alerts.stream().filter((a) -> a.rule().equals(rule.name())).reduce((a, b) -> {
            throw new AssertionError("more than one " + rule + " alert: " + alerts);
        }).orElseThrow(() -> new AssertionError("no " + rule + " alert in " + alerts));
    }

    private static List<MimeMessage> mailsAbout(TestCampaign campaign) {
        return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
            try {
                return m.getSubject() != null && m.getSubject().endsWith(campaign.name());
            }
            catch (MessagingException ex) {
                return false;
            }
        }).toList();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 15 s: " + what);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
