package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happened in a period, per campaign: the events that fell into it (messages taken
 * by the provider, receipts, first human clicks, conversions, cost), and each campaign's
 * goals as they stand at the end of it. The daily summary is the previous day's.
 */
public record PeriodSummary(Instant from, Instant to, Instant generatedAt, String currency,
        List<CampaignPeriod> campaigns, CampaignPeriod total) {

    /**
     * One campaign in the period (or all of them, for the total: id 0), by the
     * definitions of its dashboard: for a period holding all of a campaign's events, the
     * same figures.
     *
     * @param failed refused by the provider or failed before the carrier
     * @param undelivered the carrier could not deliver them
     * @param humanClickers people whose first human click fell into the period
     * @param humanCtr those people per message delivered in the period
     * @param messageCost what the messages sent in the period cost
     * @param otherCosts fixed costs (when the campaign was launched in the period) and
     * costs per conversion of the period's conversions
     * @param cost both together
     * @param unconverted amounts without an exchange rate, left out of the sums
     * @param goals verdicts as of the report (null for the total)
     * @param responders numbers whose response (keyword, query, other) arrived in the
     * period
     * @param responseRate those per message delivered in the period
     * @param queries numbers whose query arrived in the period
     * @param queryRate those per message delivered in the period
     */
    public record CampaignPeriod(long id, String name, String status, long sent, long delivered, long failed,
            long undelivered, Double deliveryRate, long humanClickers, Double humanCtr, long conversions,
            BigDecimal revenue, BigDecimal messageCost, BigDecimal otherCosts, BigDecimal cost, BigDecimal profit,
            Double roi, List<CampaignReport.Unconverted> unconverted, List<CampaignReport.GoalResult> goals,
            BigDecimal cascadeSavings, long responders, Double responseRate, long queries, Double queryRate) {

        /** A period without response figures. */
        public CampaignPeriod(long id, String name, String status, long sent, long delivered, long failed,
                long undelivered, Double deliveryRate, long humanClickers, Double humanCtr, long conversions,
                BigDecimal revenue, BigDecimal messageCost, BigDecimal otherCosts, BigDecimal cost, BigDecimal profit,
                Double roi, List<CampaignReport.Unconverted> unconverted, List<CampaignReport.GoalResult> goals,
                BigDecimal cascadeSavings) {
            this(id, name, status, sent, delivered, failed, undelivered, deliveryRate, humanClickers, humanCtr,
                    conversions, revenue, messageCost, otherCosts, cost, profit, roi, unconverted, goals,
                    cascadeSavings, 0, null, 0, null);
        }

        /** A period without cascades. */
        public CampaignPeriod(long id, String name, String status, long sent, long delivered, long failed,
                long undelivered, Double deliveryRate, long humanClickers, Double humanCtr, long conversions,
                BigDecimal revenue, BigDecimal messageCost, BigDecimal otherCosts, BigDecimal cost, BigDecimal profit,
                Double roi, List<CampaignReport.Unconverted> unconverted, List<CampaignReport.GoalResult> goals) {
            this(id, name, status, sent, delivered, failed, undelivered, deliveryRate, humanClickers, humanCtr,
                    conversions, revenue, messageCost, otherCosts, cost, profit, roi, unconverted, goals, null);
        }

    }

}
