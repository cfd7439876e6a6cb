package org.smscampaign.web.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.segment.SegmentView;
import org.smscampaign.segment.Segments;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo campaigns in several states, sent for real through the simulator: one sending now
 * (inside each recipient's allowed hours), one scheduled at 10:00 local time next Friday,
 * one launched and paused, and a draft. Only on a database without campaigns.
 */
@Component
@Profile("demo")
@Order(3)
class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    private static final String AUTHOR = "demo-marketer";

    private final CampaignManagement campaigns;

    private final Segments segments;

    private final ContactLists lists;

    private final Clock clock;

    private final ExchangeRates rates;

    DemoCampaigns(CampaignManagement campaigns, Segments segments, ContactLists lists, Clock clock,
            ExchangeRates rates) {
        this.rates = rates;
        this.campaigns = campaigns;
        this.segments = segments;
        this.lists = lists;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!this.campaigns.list(null, 1).isEmpty()) {
            return;
        }
        // Demo rates, so EUR and GBP sales count in the dashboards' USD, back to the
        // first of the past campaigns (DemoHistory).
        LocalDate since = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(150);
        if (this.rates.list().isEmpty() && this.rates.currency().equals("USD")) {
            this.rates.set("EUR", since, new BigDecimal("1.0850"), "demo-admin");
            this.rates.set("GBP", since, new BigDecimal("1.2700"), "demo-admin");
        }
        Optional<Long> sports = segment("Young sports fans in Germany");
        Optional<Long> fashion = segment("US fashion shoppers");
        Optional<Long> travel = segment("Travel lovers 40+");
        Optional<Long> vip = this.lists.all()
            .stream()
            .filter((l) -> l.name().equals("VIP customers"))
            .map(ContactListView::id)
            .findFirst();
        if (sports.isEmpty() || fashion.isEmpty() || travel.isEmpty() || vip.isEmpty()) {
            return;
        }
        CampaignView autumn = this.campaigns.create(draft(
                "Autumn running sale", List.of(sports.get()), List.of(), List.of(
                        new CampaignDraft.Variant("A",
                                "Hi {{first_name|there}}, new running season: 20% off shoes and gear this week at "
                                        + "{{link:https://shop.example/running}}",
                                50),
                        new CampaignDraft.Variant("B",
                                "{{first_name|Hello}}! Your next run deserves new shoes: 20% off until Sunday "
                                        + "{{link:https://shop.example/running}}",
                                50)),
                CampaignDraft.Schedule.now(), 10), AUTHOR);
        this.campaigns.launch(autumn.id(), AUTHOR);

        LocalDate friday = LocalDate.now(this.clock.withZone(ZoneOffset.UTC))
            .with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        CampaignView blackFriday = this.campaigns.create(draft("Black Friday early access", List.of(),
                List.of(vip.get()),
                List.of(new CampaignDraft.Variant("A",
                        "{{first_name|Dear customer}}, as a VIP you shop Black Friday "
                                + "a day early: up to 40% off at {{link:https://shop.example/black-friday}}",
                        100)),
                new CampaignDraft.Schedule(CampaignDraft.ScheduleType.LOCAL_TIME, null, friday, LocalTime.of(10, 0)),
                0), AUTHOR);
        this.campaigns.launch(blackFriday.id(), AUTHOR);

        CampaignView fashionWeek = this.campaigns.create(draft("Fashion week picks", List.of(fashion.get()), List.of(),
                List.of(new CampaignDraft.Variant("A",
                        "{{first_name|Hi}}, the new collection is in: see our fashion week picks at "
                                + "{{link:https://shop.example/fashion-week}}",
                        100)),
                CampaignDraft.Schedule.now(), 0), AUTHOR);
        this.campaigns.launch(fashionWeek.id(), AUTHOR);
        this.campaigns.pause(fashionWeek.id(), AUTHOR);

        this.campaigns.create(draft("Travel deals for the holidays", List.of(travel.get()), List.of(),
                List.of(new CampaignDraft.Variant("A",
                        "{{first_name|Hi}}, winter escapes from 299: pick yours at "
                                + "{{link:https://shop.example/travel}} ({{loyalty_points|your}} points count)",
                        100)),
                CampaignDraft.Schedule.now(), 5), AUTHOR);
        log.info("Demo campaigns created: sending, scheduled, paused and a draft");
    }

    private Optional<Long> segment(String name) {
        return this.segments.all().stream().filter((s) -> s.name().equals(name)).map(SegmentView::id).findFirst();
    }

    private static CampaignDraft draft(String name, List<Long> segments, List<Long> lists,
            List<CampaignDraft.Variant> variants, CampaignDraft.Schedule schedule, int holdout) {
        return new CampaignDraft(name, "default", null,
                new CampaignDraft.Audience(segments, lists, List.of(), List.of()), variants, schedule,
                SendWindow.Policy.HOLD, true, null, holdout, null,
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("8")),
                        new CampaignDraft.Goal(GoalMetric.REVENUE, new BigDecimal("300"))),
                7, 7,
                List.of(new CampaignDraft.Cost("Creative and copy", CampaignDraft.CostKind.FIXED, new BigDecimal("40")),
                        new CampaignDraft.Cost("Coupon discount", CampaignDraft.CostKind.PER_CONVERSION,
                                new BigDecimal("6"))));
    }

}
