package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.smscampaign.campaign.CampaignStatus;

/**
 * All launched campaigns with their headline figures and goal verdicts, the weeks of all
 * of them together, and the channels compared (cost per delivered message).
 *
 * @param unconverted message costs in currencies without an exchange rate for their day,
 * left out of the weeks' and channels' costs (each campaign lists its own)
 */
public record CampaignOverview(String currency, List<Row> campaigns, List<Week> weeks,
        List<CampaignReport.ChannelCost> channels, List<SendTime> bestTime,
        List<CampaignReport.Unconverted> unconverted) {

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

    /**
     * One campaign's headline figures, from the same report as its dashboard.
     *
     * @param incomplete some amounts have no exchange rate and are left out of its money
     * @param responders people who responded (response funnel)
     * @param responseRate responders per delivered message, percent
     * @param queryRate people who asked a query per delivered message, percent
     */
    public record Row(long id, String name, CampaignStatus status, Instant launchedAt, long sent, long delivered,
            Double deliveryRate, long humanClickers, Double humanCtr, long conversions, BigDecimal revenue,
            BigDecimal cost, BigDecimal profit, Double roi, List<CampaignReport.GoalResult> goals, boolean incomplete,
            long responders, Double responseRate, long queries, Double queryRate) {

        static Row of(CampaignReport report) {
            CampaignReport.Responses r = report.responses();
            return new Row(report.campaignId(), report.name(), report.status(), report.launchedAt(),
                    report.funnel().sent(), report.funnel().delivered(), report.rates().delivery(),
                    report.funnel().humanClickers(), report.rates().humanCtr(), report.funnel().conversions(),
                    report.money().revenue(), report.money().cost(), report.money().profit(), report.money().roi(),
                    report.goals(), !report.money().unconverted().isEmpty(), r.responders(), r.responseRate(),
                    r.queries(), r.queryRate());
        }

    }

    /**
     * One week (from Monday 00:00 UTC) of all campaigns: messages sent and delivered in
     * it, people who first clicked in it, conversions, revenue and cost (messages sent in
     * it, fixed costs of campaigns launched in it, costs per conversion of its
     * conversions).
     */
    public record Week(Instant week, long sent, long delivered, long humanClickers, Double humanCtr, long conversions,
            BigDecimal revenue, BigDecimal cost) {

    }

}
