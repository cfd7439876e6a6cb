package org.smscampaign.web.report;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.ReportHistory;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily summary by e-mail, through a real SMTP server on loopback (GreenMail): sent
 * once per day however often it is asked for, kept in the history as sent.
 */
@PlatformIT
class ReportMailIT {

    static final int SMTP_PORT = LoopbackSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT, "manager@shop.example,cfo@shop.example");
    }

    @Autowired
    DailySummary daily;

    @Autowired
    ReportHistory history;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Test
    void theDailySummaryIsMailedOnceToEveryRecipientAndKept() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        CampaignView sending = this.campaigns.list(null, 100)
            .stream()
            .filter((c) -> c.name().equals("Autumn running sale"))
            .findFirst()
            .orElseThrow();
        this.reports.refreshedReport(sending.id()); // the demo campaign sent today,
                                                    // rolled up now

        assertThat(this.daily.produce(today)).contains(ReportHistory.Delivery.SENT);
        assertThat(this.daily.produce(today)).as("claimed already: not sent twice").isEmpty();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one copy per recipient").hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Daily summary " + today + " (UTC)");
        assertThat((String) received[0].getContent()).contains("Human clickers").contains("Autumn running sale");
        assertThat(this.history.recent(10)).anySatisfy((entry) -> {
            assertThat(entry.kind()).isEqualTo("DAILY");
            assertThat(entry.delivery()).isEqualTo(ReportHistory.Delivery.SENT);
            assertThat(entry.recipients()).isEqualTo("manager@shop.example, cfo@shop.example");
        });
    }

}
