package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.smscampaign.campaign.CampaignStatus;

/**
 * All launched campaigns with their headline figures and goal verdicts, the weeks of all
 * of them together, and the channels compared (cost per delivered message).
 */
public record CampaignOverview(String currency, List<Row> campaigns, List<Week> weeks,
        List<CampaignReport.ChannelCost> channels, List<SendTime> bestTime) {

    /** Messages behind a heat-map cell below which it states no CTR. */
    public static final int MINIMUM_SAMPLE = 50;

    /**
     * One hour of the week in the recipients' own time zones, across past campaigns.
     *
     * @param weekday 1 = Monday ... 7 = Sunday
     * @param delivered messages delivered in that hour that carried a link
     * @param humanCtr human clickers per delivered message, percent; null below
     * {@link #MINIMUM_SAMPLE} messages
     */
    public record SendTime(int weekday, int hour, long delivered, long humanClickers, Double humanCtr) {

    }

    /** One campaign's headline figures, from the same report as its dashboard. */
    public record Row(long id, String name, CampaignStatus status, Instant launchedAt, long sent, long delivered,
            Double deliveryRate, long humanClickers, Double humanCtr, long conversions, BigDecimal revenue,
            BigDecimal cost, BigDecimal profit, Double roi, List<CampaignReport.GoalResult> goals) {

        static Row of(CampaignReport report) {
            return new Row(report.campaignId(), report.name(), report.status(), report.launchedAt(),
                    report.funnel().sent(), report.funnel().delivered(), report.rates().delivery(),
                    report.funnel().humanClickers(), report.rates().humanCtr(), report.funnel().conversions(),
                    report.money().revenue(), report.money().cost(), report.money().profit(), report.money().roi(),
                    report.goals());
        }

    }

    /**
     * One week (from Monday 00:00 UTC) of all campaigns: messages sent and delivered in
     * it, people who first clicked in it, conversions, revenue and cost.
     */
    public record Week(Instant week, long sent, long delivered, long humanClickers, Double humanCtr, long conversions,
            BigDecimal revenue, BigDecimal cost) {

    }

}
