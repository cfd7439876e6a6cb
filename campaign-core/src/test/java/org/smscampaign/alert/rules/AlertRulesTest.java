package org.smscampaign.alert.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.Baseline;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.alert.RuleSetting;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.messaging.SenderQueue;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.GoalVerdict;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule as a pure function of a campaign's figures. */
class AlertRulesTest {

    private static final Baseline USUAL = new Baseline(4.0, 12, 90);

    @Test
    void aGoalFailingOrFailedHoldsOnePerGoalAndOnTrackDoesNot() {
        CampaignFacts facts = facts(sent(1000, 950, 0), 0.0, 0.0,
                List.of(goal("Human CTR", GoalVerdict.FAILING), goal("Revenue", GoalVerdict.ON_TRACK),
                        goal("Conversions", GoalVerdict.FAILED), goal("ROI", GoalVerdict.NOT_STARTED)),
                null, USUAL);
        List<Reading> readings = new GoalFailingRule().read(facts, AlertRule.GOAL_FAILING.defaults());
        assertThat(readings).extracting(Reading::subject).containsExactly("Human CTR", "Revenue", "Conversions");
        assertThat(readings).extracting(Reading::holds).containsExactly(true, false, true);
        assertThat(readings.get(0).figures()).containsEntry("verdict", "FAILING")
            .containsEntry("target", new BigDecimal("5"));
        assertThat(readings.get(0).title()).contains("Human CTR").contains("failing");
    }

    @Test
    void aCountBelowItsTargetAlertsOnlyOnceItsWindowClosed() {
        CampaignFacts facts = facts(sent(1000, 950, 0), 0.0, 0.0,
                List.of(goal(GoalMetric.REVENUE, "Revenue", GoalVerdict.FAILING),
                        goal(GoalMetric.CONVERSIONS, "Conversions", GoalVerdict.FAILED)),
                null, USUAL);
        List<Reading> readings = new GoalFailingRule().read(facts, AlertRule.GOAL_FAILING.defaults());
        assertThat(readings).extracting(Reading::holds)
            .as("revenue may still come in; the conversions' window closed below target")
            .containsExactly(false, true);
    }

    @Test
    void lowHumanCtrComparesWithAShareOfTheUsualMedianOnceEnoughAreDelivered() {
        RuleSetting half = AlertRule.LOW_HUMAN_CTR.defaults();
        LowHumanCtrRule rule = new LowHumanCtrRule();
        assertThat(rule.read(facts(sent(600, 499, 0), 1.0, 0.0, List.of(), null, USUAL), half))
            .as("499 delivered: below the minimum of 500, it waits")
            .isEmpty();
        Reading low = rule.read(facts(sent(600, 500, 0), 1.9, 0.0, List.of(), null, USUAL), half).get(0);
        assertThat(low.holds()).as("1.9 % < 50 % of 4 %").isTrue();
        assertThat(low.figures()).containsEntry("humanCtr", 1.9)
            .containsEntry("usualHumanCtr", 4.0)
            .containsEntry("floor", 2.0)
            .containsEntry("pastCampaigns", 12);
        assertThat(rule.read(facts(sent(600, 500, 0), 2.0, 0.0, List.of(), null, USUAL), half).get(0).holds())
            .as("at the floor: fine")
            .isFalse();
    }

    @Test
    void lowHumanCtrSaysNothingWithoutHistoryOrWithoutATrackedLink() {
        RuleSetting half = AlertRule.LOW_HUMAN_CTR.defaults();
        Baseline none = new Baseline(null, 0, 90);
        assertThat(new LowHumanCtrRule().read(facts(sent(900, 900, 0), 0.0, 0.0, List.of(), null, none), half))
            .isEmpty();
        CampaignFacts untracked = new CampaignFacts(report(sent(900, 900, 0), 0.0, 0.0, List.of()), false, null, null,
                USUAL);
        assertThat(new LowHumanCtrRule().read(untracked, half)).isEmpty();
    }

    @Test
    void lowDeliveryRateHoldsBelowTheThresholdAfterTheMinimumSent() {
        LowDeliveryRateRule rule = new LowDeliveryRateRule();
        RuleSetting ninety = AlertRule.LOW_DELIVERY_RATE.defaults();
        assertThat(rule.read(facts(sent(199, 100, 0), 0.0, 0.0, List.of(), null, USUAL), ninety)).isEmpty();
        Reading low = rule.read(facts(sent(200, 170, 30), 0.0, 0.0, List.of(), null, USUAL), ninety).get(0);
        assertThat(low.holds()).isTrue();
        assertThat(low.figures()).containsEntry("deliveryRate", 85.0)
            .containsEntry("threshold", 90.0)
            .containsEntry("sent", 200L);
        assertThat(low.title()).isEqualTo("Delivery rate 85.0 % is below 90.0 % after 200 sent messages");
        assertThat(rule.read(facts(sent(200, 180, 20), 0.0, 0.0, List.of(), null, USUAL), ninety).get(0).holds())
            .as("exactly 90 %: fine")
            .isFalse();
    }

    @Test
    void aCampaignOverrideChangesOnlyWhatItSets() {
        RuleSetting account = AlertRule.LOW_DELIVERY_RATE.defaults();
        RuleSetting effective = account.with(new RuleOverride(AlertRule.LOW_DELIVERY_RATE, null, 80.0, 10));
        assertThat(effective).isEqualTo(new RuleSetting(AlertRule.LOW_DELIVERY_RATE, true, 80.0, 10));
        assertThat(new LowDeliveryRateRule().read(facts(sent(10, 9, 1), 0.0, 0.0, List.of(), null, USUAL), effective))
            .singleElement()
            .satisfies((r) -> assertThat(r.holds()).isFalse());
        assertThat(account.with(new RuleOverride(AlertRule.LOW_DELIVERY_RATE, false, null, null)).enabled()).isFalse();
    }

    @Test
    void highOptOutRateHoldsAboveTheThresholdAfterTheMinimumDelivered() {
        HighOptOutRateRule rule = new HighOptOutRateRule();
        RuleSetting two = AlertRule.HIGH_OPT_OUT_RATE.defaults();
        assertThat(rule.read(facts(sent(300, 199, 0), 0.0, 10.0, List.of(), null, USUAL), two)).isEmpty();
        assertThat(rule.read(facts(sent(300, 200, 0), 0.0, 2.5, List.of(), null, USUAL), two).get(0).holds()).isTrue();
        assertThat(rule.read(facts(sent(300, 200, 0), 0.0, 2.0, List.of(), null, USUAL), two).get(0).holds()).isFalse();
    }

    @Test
    void highUndeliveredRateCountsUndeliveredPerSent() {
        HighUndeliveredRateRule rule = new HighUndeliveredRateRule();
        RuleSetting five = AlertRule.HIGH_UNDELIVERED_RATE.defaults();
        Reading high = rule.read(facts(sent(200, 188, 12), 0.0, 0.0, List.of(), null, USUAL), five).get(0);
        assertThat(high.holds()).isTrue();
        assertThat(high.figures()).containsEntry("undeliveredRate", 6.0);
        assertThat(rule.read(facts(sent(200, 190, 10), 0.0, 0.0, List.of(), null, USUAL), five).get(0).holds())
            .isFalse();
    }

    @Test
    void anErrorStormPauseHoldsOnlyWhenThePlatformPausedIt() {
        ErrorStormPauseRule rule = new ErrorStormPauseRule();
        RuleSetting on = AlertRule.ERROR_STORM_PAUSE.defaults();
        CampaignReport report = report(sent(20, 0, 0), 0.0, 0.0, List.of());
        Reading storm = rule.read(new CampaignFacts(report, true, "error storm", "20 failures in a row", USUAL), on)
            .get(0);
        assertThat(storm.holds()).isTrue();
        assertThat(storm.figures()).containsEntry("reason", "20 failures in a row");
        assertThat(rule.read(new CampaignFacts(report, true, "alice", "checking the text", USUAL), on).get(0).holds())
            .as("paused by a person: no alert")
            .isFalse();
        assertThat(rule.read(new CampaignFacts(report, true, null, null, USUAL), on).get(0).holds()).isFalse();
    }

    @Test
    void aQueueStallsWhenDueMessagesWaitAndTheSenderSentNothingForTheThreshold() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        RuleSetting ten = AlertRule.QUEUE_STALLED.defaults();
        List<Reading> readings = new QueueStalledRule().read(List.of(
                new SenderQueue("stuck", 40, now.minus(Duration.ofMinutes(15)), now.minus(Duration.ofMinutes(11))),
                new SenderQueue("moving", 40, now.minus(Duration.ofMinutes(15)), now.minus(Duration.ofSeconds(5))),
                new SenderQueue("just-due", 3, now.minus(Duration.ofMinutes(2)), null),
                new SenderQueue("never", 3, now.minus(Duration.ofMinutes(30)), null)), ten, now);
        assertThat(readings).extracting(Reading::subject).containsExactly("stuck", "moving", "just-due", "never");
        assertThat(readings).extracting(Reading::holds).containsExactly(true, false, false, true);
        assertThat(readings.get(0).figures()).containsEntry("dueMessages", 40L);
    }

    @Test
    void theMedianOfEvenAndOddCounts() {
        assertThat(Medians.of(List.of())).isNull();
        assertThat(Medians.of(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Medians.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    private static long[] sent(long sent, long delivered, long undelivered) {
        return new long[] { sent, delivered, undelivered };
    }

    private static CampaignReport.GoalResult goal(String label, GoalVerdict verdict) {
        return goal(GoalMetric.HUMAN_CTR, label, verdict);
    }

    private static CampaignReport.GoalResult goal(GoalMetric metric, String label, GoalVerdict verdict) {
        return new CampaignReport.GoalResult(metric, label, new BigDecimal("5"), new BigDecimal("3.2"), verdict, null,
                metric.direction(), metric.unit(), metric.howMeasured(), new BigDecimal("5"), List.of(), null, null);
    }

    private static CampaignFacts facts(long[] counts, double humanCtr, double optOut,
            List<CampaignReport.GoalResult> goals, String pausedBy, Baseline baseline) {
        return new CampaignFacts(report(counts, humanCtr, optOut, goals), true, pausedBy, null, baseline);
    }

    private static CampaignReport report(long[] counts, double humanCtr, double optOut,
            List<CampaignReport.GoalResult> goals) {
        long sent = counts[0];
        long delivered = counts[1];
        CampaignReport.Funnel funnel = new CampaignReport.Funnel(sent, 0, 0, 0, sent, 0, sent, delivered, 0, counts[2],
                0, 0, 0, 0, 0, 0, 0, 0, 0);
        CampaignReport.Rates rates = new CampaignReport.Rates((sent > 0) ? 100.0 * delivered / sent : null,
                (delivered > 0) ? humanCtr : null, null, null, null, (delivered > 0) ? optOut : null, null, 0, 0, 0,
                (sent > 0) ? 100.0 * counts[2] / sent : null);
        return new CampaignReport(1, "Winter sale", CampaignStatus.SENDING, Instant.now(), Instant.now(), "USD", funnel,
                rates, null, goals, List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), null,
                Instant.now());
    }

}
