package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.smscampaign.campaign.AbTests;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.link.ClickFigures;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.CampaignMessageFigures;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.messaging.CampaignResponses;
import org.smscampaign.messaging.ResponseFigures;
import org.smscampaign.money.Converted;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.money.RateTable;

import org.springframework.stereotype.Service;

/**
 * The reports' application service: a campaign's dashboard figures and the overview of
 * all campaigns, from the rollups of link tracking and the gateway, with money converted
 * into the reporting currency by the exchange-rate table.
 */
@Service
public class CampaignReports {

    private static final int OVERVIEW_LIMIT = 500;

    private final CampaignManagement campaigns;

    private final CampaignMessageFigures messages;

    private final CampaignClickFigures clicks;

    private final Clock clock;

    private final ExchangeRates exchangeRates;

    private final AudienceBreakdowns audience;

    private final MessageGateway gateway;

    private final ShortLinks links;

    private final AbTests abTests;

    private final Conversions conversions;

    private final CampaignResponses responses;

    CampaignReports(CampaignManagement campaigns, CampaignMessageFigures messages, CampaignClickFigures clicks,
            Clock clock, ExchangeRates exchangeRates, AudienceBreakdowns audience, MessageGateway gateway,
            ShortLinks links, AbTests abTests, Conversions conversions, CampaignResponses responses) {
        this.responses = responses;
        this.abTests = abTests;
        this.conversions = conversions;
        this.gateway = gateway;
        this.links = links;
        this.audience = audience;
        this.campaigns = campaigns;
        this.messages = messages;
        this.clicks = clicks;
        this.clock = clock;
        this.exchangeRates = exchangeRates;
    }

    /** The dashboard of one campaign. */
    public CampaignReport report(long campaignId) {
        CampaignView campaign = this.campaigns.get(campaignId);
        MessageFigures messageFigures = this.messages.of(campaignId);
        return ReportCalculator.report(campaign, messageFigures, this.clicks.of(campaignId),
                this.audience.of(campaignId), this.audience.holdout(campaignId), this.clock.instant(),
                this.exchangeRates.table(),
                this.conversions.countsByEvent(List.of(campaignId)).getOrDefault(campaignId, Map.of()),
                this.abTests.status(campaignId), outcomes(campaignId, messageFigures), responded(campaign));
    }

    /**
     * Who responded, and which of them converted within the attribution window after
     * their first response (three queries, bounded by the responders).
     */
    private ResponseFunnel.Input responded(CampaignView campaign) {
        List<ResponseFigures.Responder> responders = this.responses.of(campaign.id()).responders();
        long[] converted = this.conversions.convertedAfter(ResponseFunnel.contacts(responders),
                ResponseFunnel.firstResponses(responders), Duration.ofDays(campaign.draft().attributionDays()));
        return new ResponseFunnel.Input(responders, null, ResponseFunnel.set(converted),
                this.clicks.convertingClickers(campaign.id()));
    }

    /**
     * Clickers and converters and where each was delivered to, read only for campaigns
     * with a cascade or several channels (three queries, whatever the audience).
     */
    private CascadeCalculator.Outcomes outcomes(long campaignId, MessageFigures figures) {
        if (figures.steps().isEmpty() || !CascadeCalculator.applies(figures)) {
            return CascadeCalculator.Outcomes.NONE;
        }
        long[] clickers = this.clicks.humanClickerContacts(campaignId);
        List<CampaignClickFigures.ContactConversions> converted = this.clicks.conversionsByContact(campaignId);
        return new CascadeCalculator.Outcomes(
                this.messages.deliveries(campaignId, CascadeCalculator.Outcomes.contactsOf(clickers, converted)),
                clickers, converted);
    }

    /** The report recomputed from raw rows first (tests, and on demand). */
    public CampaignReport refreshedReport(long campaignId) {
        this.messages.refresh(campaignId);
        this.clicks.refresh(campaignId);
        this.audience.refresh(campaignId);
        return report(campaignId);
    }

    /**
     * The headline figures of some campaigns, as the overview and their dashboards show
     * them, read in two queries for all of them (campaigns not launched have none).
     */
    public Map<Long, CampaignOverview.Row> rows(List<CampaignView> campaigns) {
        List<CampaignView> launched = campaigns.stream().filter((c) -> c.launch() != null).toList();
        if (launched.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = launched.stream().map(CampaignView::id).toList();
        Map<Long, MessageFigures> messageFigures = this.messages.totalsOf(ids);
        Map<Long, ClickFigures> clickFigures = this.clicks.hoursOf(ids);
        Map<Long, Map<String, Long>> byEvent = this.conversions.countsByEvent(ids);
        Map<Long, ResponseFigures.Counts> responded = this.responses.countsOf(ids);
        RateTable rates = this.exchangeRates.table();
        Instant now = this.clock.instant();
        Map<Long, CampaignOverview.Row> rows = new HashMap<>();
        for (CampaignView campaign : launched) {
            rows.put(campaign.id(),
                    CampaignOverview.Row.of(ReportCalculator.report(campaign, messageFigures.get(campaign.id()),
                            clickFigures.get(campaign.id()), List.of(), null, now, rates,
                            byEvent.getOrDefault(campaign.id(), Map.of()), null, CascadeCalculator.Outcomes.NONE,
                            ResponseFunnel.Input.counts(responded.get(campaign.id())))));
        }
        return rows;
    }

    /** A campaign's figures this second, for its page while it sends. */
    public LiveFigures live(long campaignId) {
        CampaignView campaign = this.campaigns.get(campaignId);
        Map<MessageStatus, Long> counts = this.gateway.countsOfCampaign(campaignId);
        long messages = counts.values().stream().mapToLong(Long::longValue).sum();
        CampaignView.Launch launch = campaign.launch();
        return new LiveFigures(campaignId, campaign.status(), campaign.status().live(),
                launch != null && launch.finished(), (launch != null) ? launch.audience() : 0, messages,
                ReportCalculator.count(counts, ReportCalculator.PENDING),
                ReportCalculator.count(counts, ReportCalculator.SENT), counts.getOrDefault(MessageStatus.DELIVERED, 0L),
                counts.getOrDefault(MessageStatus.FAILED, 0L) + counts.getOrDefault(MessageStatus.UNDELIVERED, 0L),
                (launch != null) ? this.links.statsOfCampaign(campaignId).humanLinks() : 0, counts);
    }

    /** Every launched campaign (newest first), and the last {@code weeks} weeks. */
    public CampaignOverview overview(int weeks) {
        List<CampaignView> launched = this.campaigns.list(null, OVERVIEW_LIMIT)
            .stream()
            .filter((c) -> c.launch() != null)
            .toList();
        List<Long> ids = launched.stream().map(CampaignView::id).toList();
        Map<Long, MessageFigures> messageFigures = this.messages.totalsOf(ids);
        Map<Long, ClickFigures> clickFigures = this.clicks.hoursOf(ids);
        Map<Long, Map<String, Long>> byEvent = this.conversions.countsByEvent(ids);
        Map<Long, ResponseFigures.Counts> responded = this.responses.countsOf(ids);
        RateTable rates = this.exchangeRates.table();
        Instant now = this.clock.instant();
        List<CampaignOverview.Row> rows = launched.stream()
            .map((c) -> CampaignOverview.Row.of(ReportCalculator.report(c, messageFigures.get(c.id()),
                    clickFigures.get(c.id()), List.of(), null, now, rates, byEvent.getOrDefault(c.id(), Map.of()), null,
                    CascadeCalculator.Outcomes.NONE, ResponseFunnel.Input.counts(responded.get(c.id())))))
            .toList();
        Instant from = week(now.minus(Duration.ofDays(7L * weeks)));
        List<MessageFigures.Cost> dailyCosts = this.messages.dailyCosts(null);
        Converted unconverted = MoneyCalculator.messageCost(dailyCosts, (c) -> true, rates);
        return new CampaignOverview(rates.currency(), rows, weeks(from, launched, clickFigures, dailyCosts, rates),
                MoneyCalculator.channels(this.messages.totalsByChannel(), dailyCosts, rates), bestTime(),
                unconverted.unconverted()
                    .stream()
                    .map((u) -> new CampaignReport.Unconverted("COST", u.currency(), u.amount(), u.items()))
                    .toList());
    }

    /**
     * All 168 hours of the week, Monday 00h first, with what past campaigns did in them.
     */
    private List<CampaignOverview.SendTime> bestTime() {
        long[][] slots = new long[168][2];
        for (CampaignClickFigures.SendSlotFigures slot : this.clicks.sendSlots()) {
            slots[slot.slot()][0] = slot.delivered();
            slots[slot.slot()][1] = slot.humanClickers();
        }
        List<CampaignOverview.SendTime> cells = new java.util.ArrayList<>(168);
        for (int slot = 0; slot < 168; slot++) {
            long delivered = slots[slot][0];
            long clickers = slots[slot][1];
            cells.add(new CampaignOverview.SendTime(slot / 24 + 1, slot % 24, delivered, clickers,
                    (delivered >= CampaignOverview.MINIMUM_SAMPLE) ? Ratios.percent(clickers, delivered) : null));
        }
        return cells;
    }

    /**
     * Weeks from Monday 00:00 UTC: counts from the rollups; revenue and message cost
     * converted at the rate of their day; fixed costs in the week of launch and costs per
     * conversion in the week of the conversions, as on each campaign's dashboard.
     */
    private List<CampaignOverview.Week> weeks(Instant from, List<CampaignView> launched,
            Map<Long, ClickFigures> clickFigures, List<MessageFigures.Cost> dailyCosts, RateTable rates) {
        Map<Instant, long[]> counts = new TreeMap<>();
        for (CampaignMessageFigures.Week week : this.messages.weeks(from)) {
            long[] c = counts.computeIfAbsent(week.week(), (w) -> new long[4]);
            c[0] = week.sent();
            c[1] = week.delivered();
        }
        for (CampaignClickFigures.Week week : this.clicks.weeks(from)) {
            long[] c = counts.computeIfAbsent(week.week(), (w) -> new long[4]);
            c[2] = week.humanClickers();
            c[3] = week.conversions();
        }
        Map<Instant, BigDecimal> costs = new HashMap<>();
        Map<Instant, List<MessageFigures.Cost>> costsByWeek = new HashMap<>();
        dailyCosts.stream()
            .filter((c) -> !c.hour().isBefore(from))
            .forEach((c) -> costsByWeek.computeIfAbsent(week(c.hour()), (w) -> new ArrayList<>()).add(c));
        costsByWeek.forEach((week, rows) -> costs.merge(week,
                MoneyCalculator.messageCost(rows, (c) -> true, rates).total(), BigDecimal::add));
        for (CampaignView campaign : launched) {
            if (!campaign.launch().at().isBefore(from)) {
                costs.merge(week(campaign.launch().at()), MoneyCalculator.fixedCosts(campaign.draft()),
                        BigDecimal::add);
            }
            BigDecimal perConversion = MoneyCalculator.costPerConversion(campaign.draft());
            if (perConversion.signum() > 0) {
                for (ClickFigures.Hour hour : clickFigures.get(campaign.id()).hours()) {
                    if (!hour.hour().isBefore(from) && hour.conversions() > 0) {
                        costs.merge(week(hour.hour()), perConversion.multiply(BigDecimal.valueOf(hour.conversions())),
                                BigDecimal::add);
                    }
                }
            }
        }
        Map<Instant, List<ClickFigures.Revenue>> revenueByWeek = new HashMap<>();
        this.clicks.dailyRevenue(from)
            .forEach((r) -> revenueByWeek.computeIfAbsent(week(r.hour()), (w) -> new ArrayList<>()).add(r));
        costs.keySet().forEach((w) -> counts.computeIfAbsent(w, (k) -> new long[4]));
        revenueByWeek.keySet().forEach((w) -> counts.computeIfAbsent(w, (k) -> new long[4]));
        List<CampaignOverview.Week> weeks = new ArrayList<>();
        counts.forEach((week, c) -> {
            BigDecimal revenue = MoneyCalculator.cents(
                    MoneyCalculator.revenue(revenueByWeek.getOrDefault(week, List.of()), (r) -> true, rates).total());
            weeks.add(new CampaignOverview.Week(week, c[0], c[1], c[2], Ratios.percent(c[2], c[1]), c[3], revenue,
                    MoneyCalculator.cents(costs.getOrDefault(week, BigDecimal.ZERO))));
        });
        return weeks;
    }

    /** Monday 00:00 UTC of the moment's week. */
    private static Instant week(Instant at) {
        return at.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    }

}
