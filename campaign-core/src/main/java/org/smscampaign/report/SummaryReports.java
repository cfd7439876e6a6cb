package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.link.ClickFigures;
import org.smscampaign.link.Conversions;
import org.smscampaign.messaging.CampaignMessageFigures;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.messaging.CampaignResponses;
import org.smscampaign.messaging.ResponseFigures;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.money.RateTable;

import org.springframework.stereotype.Service;

/**
 * Summaries of a period for managers (the daily one, and any range on demand), from the
 * same rollups and definitions as the dashboards: a period that holds all of a campaign's
 * events shows the figures of its dashboard.
 */
@Service
public class SummaryReports {

    private static final int CAMPAIGN_LIMIT = 500;

    private final CampaignManagement campaigns;

    private final CampaignMessageFigures messages;

    private final CampaignClickFigures clicks;

    private final Clock clock;

    private final ExchangeRates exchangeRates;

    private final Conversions conversions;

    private final CampaignResponses responses;

    SummaryReports(CampaignManagement campaigns, CampaignMessageFigures messages, CampaignClickFigures clicks,
            Clock clock, ExchangeRates exchangeRates, Conversions conversions, CampaignResponses responses) {
        this.responses = responses;
        this.conversions = conversions;
        this.campaigns = campaigns;
        this.messages = messages;
        this.clicks = clicks;
        this.clock = clock;
        this.exchangeRates = exchangeRates;
    }

    /**
     * Every campaign with events in [from, to) or launched in it, newest first, and their
     * total.
     */
    public PeriodSummary summary(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The period must end after it starts.");
        }
        Map<Long, MessageFigures> messagesInPeriod = this.messages.between(from, to);
        Map<Long, ClickFigures> clicksInPeriod = this.clicks.between(from, to);
        Set<Long> ids = new TreeSet<>(Comparator.reverseOrder());
        ids.addAll(messagesInPeriod.keySet());
        ids.addAll(clicksInPeriod.keySet());
        this.campaigns.list(null, CAMPAIGN_LIMIT)
            .stream()
            .filter((c) -> c.launch() != null && MoneyCalculator.within(c.launch().at(), from, to))
            .forEach((c) -> ids.add(c.id()));
        List<Long> active = List.copyOf(ids);
        Map<Long, MessageFigures> totals = this.messages.totalsOf(active);
        Map<Long, ClickFigures> allHours = this.clicks.hoursOf(active);
        RateTable rates = this.exchangeRates.table();
        Instant now = this.clock.instant();
        Map<Long, Map<String, Long>> byEvent = this.conversions.countsByEvent(active);
        Map<Long, ResponseFigures.Counts> responded = this.responses.countsBetween(from, to);
        // Goals are judged on the campaign's whole life, as on its dashboard.
        Map<Long, ResponseFigures.Counts> respondedEver = this.responses.countsOf(active);
        List<PeriodSummary.CampaignPeriod> rows = new ArrayList<>();
        for (Long id : active) {
            CampaignView campaign = this.campaigns.find(id).orElse(null);
            if (campaign == null) {
                continue; // messages of a campaign that no longer exists
            }
            // The same goal figures as the dashboard, per-event conversion goals
            // included.
            CampaignReport report = ReportCalculator.report(campaign, totals.get(id), allHours.get(id), List.of(), null,
                    now, rates, byEvent.getOrDefault(id, Map.of()), null, CascadeCalculator.Outcomes.NONE,
                    ResponseFunnel.Input.counts(respondedEver.get(id)));
            rows.add(ReportCalculator.period(campaign,
                    messagesInPeriod.getOrDefault(id,
                            new MessageFigures(id, List.of(), List.of(), List.of(), Map.of(), null)),
                    clicksInPeriod.getOrDefault(id,
                            new ClickFigures(id, List.of(), List.of(), List.of(), List.of(), List.of(), null)),
                    from, to, rates, report.goals(), responded.getOrDefault(id, ResponseFigures.Counts.NONE)));
        }
        return new PeriodSummary(from, to, now, rates.currency(), rows, total(rows));
    }

    /** All campaigns together: their sums, and rates of the sums. */
    private static PeriodSummary.CampaignPeriod total(List<PeriodSummary.CampaignPeriod> rows) {
        long sent = 0;
        long delivered = 0;
        long failed = 0;
        long undelivered = 0;
        long clickers = 0;
        long conversions = 0;
        long responders = 0;
        long queries = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal messageCost = BigDecimal.ZERO;
        BigDecimal otherCosts = BigDecimal.ZERO;
        BigDecimal savings = null;
        Map<String, CampaignReport.Unconverted> unconverted = new TreeMap<>();
        for (PeriodSummary.CampaignPeriod row : rows) {
            sent += row.sent();
            delivered += row.delivered();
            failed += row.failed();
            undelivered += row.undelivered();
            clickers += row.humanClickers();
            conversions += row.conversions();
            responders += row.responders();
            queries += row.queries();
            revenue = revenue.add(row.revenue());
            messageCost = messageCost.add(row.messageCost());
            if (row.cascadeSavings() != null) {
                savings = (savings != null) ? savings.add(row.cascadeSavings()) : row.cascadeSavings();
            }
            otherCosts = otherCosts.add(row.otherCosts());
            for (CampaignReport.Unconverted missing : row.unconverted()) {
                unconverted.merge(missing.figure() + missing.currency(), missing,
                        (a, b) -> new CampaignReport.Unconverted(a.figure(), a.currency(), a.amount().add(b.amount()),
                                a.items() + b.items()));
            }
        }
        BigDecimal cost = messageCost.add(otherCosts);
        BigDecimal profit = revenue.subtract(cost);
        return new PeriodSummary.CampaignPeriod(0, "All campaigns", "", sent, delivered, failed, undelivered,
                Ratios.percent(delivered, sent), clickers, Ratios.percent(clickers, delivered), conversions, revenue,
                messageCost, otherCosts, cost, profit, Ratios.percent(profit, cost), List.copyOf(unconverted.values()),
                null, savings, responders, Ratios.percent(responders, delivered), queries,
                Ratios.percent(queries, delivered));
    }

}
