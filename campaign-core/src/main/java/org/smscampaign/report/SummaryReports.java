package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.link.ClickFigures;
import org.smscampaign.messaging.CampaignMessageFigures;
import org.smscampaign.messaging.MessageFigures;

import org.springframework.stereotype.Service;

/**
 * Summaries of a period for managers (the daily one, and any range on demand), from the
 * same rollups and definitions as the dashboards.
 */
@Service
public class SummaryReports {

    private final CampaignManagement campaigns;

    private final CampaignMessageFigures messages;

    private final CampaignClickFigures clicks;

    private final Clock clock;

    private final String currency;

    SummaryReports(CampaignManagement campaigns, CampaignMessageFigures messages, CampaignClickFigures clicks,
            Clock clock, CampaignProperties properties) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.clicks = clicks;
        this.clock = clock;
        this.currency = properties.currency();
    }

    /** Every campaign with events in [from, to), newest first, and their total. */
    public PeriodSummary summary(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The period must end after it starts.");
        }
        Map<Long, List<MessageFigures.Hour>> messageHours = this.messages.hoursBetween(from, to);
        Map<Long, List<ClickFigures.Hour>> clickHours = this.clicks.hoursBetween(from, to);
        Set<Long> ids = new HashSet<>(messageHours.keySet());
        ids.addAll(clickHours.keySet());
        List<Long> active = ids.stream().sorted(Comparator.reverseOrder()).toList();
        Map<Long, MessageFigures> totals = this.messages.totalsOf(active);
        Map<Long, ClickFigures> allHours = this.clicks.hoursOf(active);
        Instant now = this.clock.instant();
        List<PeriodSummary.CampaignPeriod> rows = new ArrayList<>();
        for (Long id : active) {
            CampaignView campaign = this.campaigns.find(id).orElse(null);
            if (campaign == null) {
                continue; // messages of a campaign that no longer exists
            }
            CampaignReport report = ReportCalculator.report(campaign, totals.get(id), allHours.get(id), now,
                    this.currency);
            rows.add(period(id, campaign.name(), campaign.status().name(), messageHours.getOrDefault(id, List.of()),
                    clickHours.getOrDefault(id, List.of()), report.goals()));
        }
        List<MessageFigures.Hour> everyMessageHour = messageHours.values().stream().flatMap(List::stream).toList();
        List<ClickFigures.Hour> everyClickHour = clickHours.values().stream().flatMap(List::stream).toList();
        return new PeriodSummary(from, to, now, this.currency, rows,
                period(0, "All campaigns", "", everyMessageHour, everyClickHour, null));
    }

    private static PeriodSummary.CampaignPeriod period(long id, String name, String status,
            List<MessageFigures.Hour> messageHours, List<ClickFigures.Hour> clickHours,
            List<CampaignReport.GoalResult> goals) {
        long sent = messageHours.stream().mapToLong(MessageFigures.Hour::sent).sum();
        long delivered = messageHours.stream().mapToLong(MessageFigures.Hour::delivered).sum();
        long failed = messageHours.stream().mapToLong(MessageFigures.Hour::failed).sum();
        BigDecimal cost = messageHours.stream().map(MessageFigures.Hour::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        long clickers = clickHours.stream().mapToLong(ClickFigures.Hour::humanClickers).sum();
        long conversions = clickHours.stream().mapToLong(ClickFigures.Hour::conversions).sum();
        BigDecimal revenue = clickHours.stream()
            .map(ClickFigures.Hour::revenue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal profit = revenue.subtract(cost);
        return new PeriodSummary.CampaignPeriod(id, name, status, sent, delivered, failed,
                Ratios.percent(delivered, sent), clickers, Ratios.percent(clickers, delivered), conversions, revenue,
                cost, profit, Ratios.percent(profit, cost), goals);
    }

}
