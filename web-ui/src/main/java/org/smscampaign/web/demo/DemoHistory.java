package org.smscampaign.web.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.segment.Segments;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four months of past campaigns for the demo, so that the overview's trend, the best-time
 * heat map and the channel comparison show real shapes on the first visit: each campaign
 * was sent to part of the audience on its day and hour (in each recipient's zone), with
 * delivery outcomes, taps by people and by link previews and scanners, orders with
 * revenue, replies and opt-outs. Written with bulk SQL into the tables the read models
 * are computed from, then rolled up as the platform does; the figures follow from those
 * rows, never typed in. Runs once, after {@link DemoCampaigns}, in the background.
 */
@Component
@Profile("demo")
@Order(4)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private static final String AUTHOR = "demo-marketer";

    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    static final String PREVIEW = "WhatsApp/2.24.6.77 A";

    static final String SCANNER = "Mozilla/5.0 (compatible; Barracuda Sentinel (EE))";

    /**
     * One past campaign: weeks before today, the weekday and local hour it went out, the
     * share of reachable contacts it went to, its texts' pull (human CTR, conversion of
     * clickers, order value) and, for a cascade (WhatsApp, then SMS), the share of
     * numbers on WhatsApp (0: SMS only). Only those who opted in to WhatsApp start there.
     */
    record Past(String name, int weeksAgo, DayOfWeek day, int hour, double share, double ctr, double conversion,
            int orderValue, String currency, double whatsApp, String text, String target) {

    }

    static final List<Past> PAST = List.of(
            new Past("Clearance: last season's styles", 17, DayOfWeek.TUESDAY, 10, 0.22, 0.09, 0.14, 55, "USD", 0,
                    "clearance: up to 50% off last season's styles", "https://shop.example/clearance"),
            new Past("Gift ideas", 15, DayOfWeek.THURSDAY, 18, 0.18, 0.13, 0.18, 70, "USD", 0,
                    "gifts they will love, wrapped for free this week", "https://shop.example/gifts"),
            new Past("New running collection", 13, DayOfWeek.SATURDAY, 9, 0.16, 0.11, 0.12, 90, "EUR", 0.6,
                    "the new running collection is in", "https://shop.example/running"),
            new Past("Mid-season sale", 11, DayOfWeek.WEDNESDAY, 12, 0.24, 0.08, 0.10, 48, "USD", 0,
                    "mid-season sale, 30% off everything", "https://shop.example/sale"),
            new Past("Loyalty double points", 9, DayOfWeek.MONDAY, 19, 0.15, 0.15, 0.22, 60, "GBP", 0.65,
                    "double loyalty points on every order until Sunday", "https://shop.example/points"),
            new Past("Bags and trainers", 7, DayOfWeek.FRIDAY, 17, 0.2, 0.10, 0.11, 42, "USD", 0,
                    "bags and trainers from 19", "https://shop.example/bags"),
            new Past("New jackets preview", 5, DayOfWeek.THURSDAY, 20, 0.17, 0.14, 0.16, 120, "EUR", 0.55,
                    "first look at the new jackets", "https://shop.example/jackets"),
            new Past("Weekend flash sale", 3, DayOfWeek.SUNDAY, 11, 0.22, 0.12, 0.15, 65, "USD", 0,
                    "48-hour flash sale starts now", "https://shop.example/flash"),
            new Past("Members' deals", 2, DayOfWeek.TUESDAY, 13, 0.18, 0.07, 0.09, 50, "USD", 0.6,
                    "members' deals, today only", "https://shop.example/members"));

    private final CampaignManagement campaigns;

    private final CampaignReports reports;

    private final Segments segments;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final org.smscampaign.messaging.MessagingProperties messaging;

    DemoHistory(CampaignManagement campaigns, CampaignReports reports, Segments segments, JdbcClient jdbc,
            TransactionTemplate transaction, Clock clock, org.smscampaign.messaging.MessagingProperties messaging) {
        this.messaging = messaging;
        this.campaigns = campaigns;
        this.segments = segments;
        this.reports = reports;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Starts writing the history in the background (startup does not wait for it; the
     * dashboards fill within seconds), on a platform with contacts and no history yet.
     */
    @Override
    public void run(ApplicationArguments args) {
        boolean hasHistory = this.jdbc
            .sql("select exists (select 1 from campaign where launch_key like 'demo-history-%' "
                    + "or launched_at < now() - interval '10 days')")
            .query(Boolean.class)
            .single();
        boolean hasContacts = this.jdbc.sql("select exists (select 1 from contact)").query(Boolean.class).single();
        if (hasHistory || !hasContacts) {
            return;
        }
        Thread writer = new Thread(this::write, "demo-history");
        writer.setDaemon(true);
        writer.start();
    }

    private void write() {
        try {
            long started = System.nanoTime();
            LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
            this.jdbc
                .sql("insert into link_user_agent (agent) values (:phone), (:preview), (:scanner) "
                        + "on conflict do nothing")
                .param("phone", PHONE)
                .param("preview", PREVIEW)
                .param("scanner", SCANNER)
                .update();
            long everyone = this.segments
                .create("All customers", "Everyone subscribed (the past campaigns went to part of them)",
                        ContactCriteria.EVERYONE, "demo")
                .id();
            long messages = 0;
            for (int i = 0; i < PAST.size(); i++) {
                Past past = PAST.get(i);
                LocalDate day = today.minusWeeks(past.weeksAgo()).with(TemporalAdjusters.previousOrSame(past.day()));
                long seed = i;
                // The campaign and its rows commit together: a stop half-way leaves no
                // campaign without its history.
                long id = this.transaction.execute((status) -> {
                    CampaignView campaign = this.campaigns.create(draft(past, everyone), AUTHOR);
                    DemoHistorySql.write(this.jdbc, campaign.id(), seed, past, day, this.messaging.pricing());
                    return campaign.id();
                });
                messages += this.campaigns.get(id).launch().queued();
                this.reports.refreshedReport(id);
            }
            log.info("Demo history written in the background: {} past campaigns, {} messages, in {} ms", PAST.size(),
                    messages, (System.nanoTime() - started) / 1_000_000);
        }
        catch (RuntimeException ex) {
            // The platform may be stopping (tests, a quick restart): the demo runs on.
            log.warn("Demo history stopped: {}", ex.toString());
        }
    }

    private static CampaignDraft draft(Past past, long segment) {
        String body = "{{first_name|Hi}}, " + past.text() + ": {{link:" + past.target() + "}}";
        return new CampaignDraft(past.name(), "default", null,
                new CampaignDraft.Audience(List.of(segment), List.of(), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", body, 100)), CampaignDraft.Schedule.now(),
                SendWindow.Policy.HOLD, true, null, 0, null,
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("10")),
                        new CampaignDraft.Goal(GoalMetric.REVENUE, new BigDecimal("500"))),
                7, 7, List.of(new CampaignDraft.Cost("Creative and copy", CampaignDraft.CostKind.FIXED,
                        new BigDecimal("40"))));
    }

}
