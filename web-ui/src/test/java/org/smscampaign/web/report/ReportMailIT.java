package org.smscampaign.web.report;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.ReportHistory;
import org.smscampaign.web.DemoCampaign;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summaries by e-mail, through a real SMTP server on loopback (GreenMail): each period
 * sent once however often (and by however many instances) it is asked for, at the
 * configured hour in the account's zone, with its PDF attached, kept in the history.
 * Messages are told apart by subject: the live schedule of this context may send others.
 */
@PlatformIT
class ReportMailIT {

    static final int SMTP_PORT = LoopbackSmtp.freePort();

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT, "manager@shop.example,cfo@shop.example");
    }

    @Autowired
    ScheduledSummaries scheduled;

    @Autowired
    ReportSettings settings;

    @Autowired
    ReportHistory history;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void configuredDefaultsAgain() {
        this.settings.reset();
    }

    @Test
    void theDailySummaryIsMailedOnceToEveryRecipientWithItsPdfAndKept() throws Exception {
        long sending = DemoCampaign.id(this.campaigns, "Autumn running sale");
        this.reports.refreshedReport(sending); // the demo campaign, rolled up now
        LocalDate sent = DemoCampaign.sendingDay(this.jdbc, sending);
        SummaryPeriod day = SummaryPeriod.containing(SummaryKind.DAILY, sent, ZoneOffset.UTC);

        assertThat(this.scheduled.produce(day)).contains(ReportHistory.Delivery.SENT);
        assertThat(this.scheduled.produce(day)).as("claimed already: not sent twice").isEmpty();

        List<MimeMessage> received = withSubject(day.title());
        assertThat(received).as("one copy per recipient").hasSize(2);
        assertThat(html(received.get(0))).contains("Human clickers").contains("Autumn running sale");
        assertThat(pdfText(received.get(0))).contains(day.title()).contains("Autumn running sale");
        assertThat(this.history.recent(10)).anySatisfy((entry) -> {
            assertThat(entry.kind()).isEqualTo("DAILY");
            assertThat(entry.delivery()).isEqualTo(ReportHistory.Delivery.SENT);
            assertThat(entry.recipients()).isEqualTo("manager@shop.example, cfo@shop.example");
        });
    }

    @Test
    void weeklyAndMonthlySummariesGoOutOnceAtTheConfiguredLocalHour() throws Exception {
        this.settings.save(BERLIN, 7, List.of("board@shop.example"),
                EnumSet.of(SummaryKind.WEEKLY, SummaryKind.MONTHLY), "admin");
        // Monday 1 June 2026: last week (25-31 May) and last month (May) fall due at
        // 07:00 in Berlin, 05:00 UTC.
        SummaryPeriod week = SummaryPeriod.containing(SummaryKind.WEEKLY, LocalDate.of(2026, 5, 25), BERLIN);
        SummaryPeriod month = SummaryPeriod.containing(SummaryKind.MONTHLY, LocalDate.of(2026, 5, 1), BERLIN);

        assertThat(this.scheduled.runAt(Instant.parse("2026-06-01T04:59:00Z"))).as("before the hour").isEmpty();

        // Two instances at the same moment: each period is claimed by one of them.
        Instant seven = Instant.parse("2026-06-01T05:00:00Z");
        CompletableFuture<List<ScheduledSummaries.Produced>> first = CompletableFuture
            .supplyAsync(() -> this.scheduled.runAt(seven));
        CompletableFuture<List<ScheduledSummaries.Produced>> second = CompletableFuture
            .supplyAsync(() -> this.scheduled.runAt(seven));
        List<ScheduledSummaries.Produced> produced = new ArrayList<>(first.get());
        produced.addAll(second.get());
        assertThat(produced).extracting(ScheduledSummaries.Produced::period).containsExactlyInAnyOrder(week, month);
        assertThat(produced).extracting(ScheduledSummaries.Produced::delivery)
            .containsOnly(ReportHistory.Delivery.SENT);
        assertThat(this.scheduled.runAt(Instant.parse("2026-06-01T09:00:00Z"))).as("later that day").isEmpty();

        assertThat(withSubject("Weekly summary · Week 22 of 2026 (2026-05-25 to 2026-05-31)")).singleElement()
            .satisfies((mail) -> {
                assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("board@shop.example");
                assertThat(html(mail)).contains("days in Europe/Berlin");
                assertThat(pdfText(mail)).contains("Bottom line").contains("Europe/Berlin");
            });
        assertThat(withSubject("Monthly summary · May 2026")).hasSize(1);
        assertThat(this.history.recent(20)).filteredOn((e) -> e.from().equals(week.start()))
            .singleElement()
            .satisfies((e) -> assertThat(e.kind()).isEqualTo("WEEKLY"));
    }

    @Test
    void aWeeklySummaryMissedWhileNoInstanceRanGoesOutLate() {
        this.settings.save(BERLIN, 7, List.of("board@shop.example"), EnumSet.of(SummaryKind.WEEKLY), "admin");
        SummaryPeriod week = SummaryPeriod.containing(SummaryKind.WEEKLY, LocalDate.of(2026, 6, 1), BERLIN);

        // Down all Monday 8 June; back on Tuesday afternoon.
        assertThat(this.scheduled.runAt(Instant.parse("2026-06-09T14:00:00Z")))
            .extracting(ScheduledSummaries.Produced::period)
            .containsExactly(week);
    }

    private static List<MimeMessage> withSubject(String subject) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                found.add(message);
            }
        }
        return found;
    }

    private static String html(MimeMessage message) throws Exception {
        return Arrays.stream(parts(message))
            .filter((p) -> isType(p, "text/html"))
            .map(ReportMailIT::content)
            .findFirst()
            .orElseThrow();
    }

    private static String pdfText(MimeMessage message) throws Exception {
        Part pdf = Arrays.stream(parts(message)).filter((p) -> isType(p, "application/pdf")).findFirst().orElseThrow();
        try (var document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every leaf part of a message, however its multiparts nest. */
    private static Part[] parts(Part part) throws Exception {
        if (!(part.getContent() instanceof MimeMultipart multipart)) {
            return new Part[] { part };
        }
        List<Part> leaves = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            leaves.addAll(List.of(parts(child)));
        }
        return leaves.toArray(Part[]::new);
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        }
        catch (MessagingException ex) {
            return false;
        }
    }

    private static String content(Part part) {
        try {
            return (String) part.getContent();
        }
        catch (IOException | MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
