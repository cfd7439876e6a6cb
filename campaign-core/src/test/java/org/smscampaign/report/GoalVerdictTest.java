package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.GoalMetric;

import static org.assertj.core.api.Assertions.assertThat;

/** Goals are judged by what they measure and whether their window is still open. */
class GoalVerdictTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static final Instant OPEN = NOW.plus(Duration.ofDays(2));

    static final Instant CLOSED = NOW.minus(Duration.ofDays(1));

    @Test
    void aRateAboveTargetIsOnTrackWhileTheWindowIsOpenAndPassedWhenItCloses() {
        assertThat(verdict(GoalMetric.HUMAN_CTR, "5", 8.0, 0, OPEN)).isEqualTo(GoalVerdict.ON_TRACK);
        assertThat(verdict(GoalMetric.HUMAN_CTR, "5", 8.0, 0, CLOSED)).isEqualTo(GoalVerdict.PASSED);
    }

    @Test
    void aRateBelowTargetIsFailingThenFailed() {
        assertThat(verdict(GoalMetric.HUMAN_CTR, "10", 8.0, 0, OPEN)).isEqualTo(GoalVerdict.FAILING);
        assertThat(verdict(GoalMetric.HUMAN_CTR, "10", 8.0, 0, CLOSED)).isEqualTo(GoalVerdict.FAILED);
    }

    @Test
    void aCountPassesAsSoonAsItIsReached() {
        assertThat(verdict(GoalMetric.CONVERSIONS, "3", 8.0, 3, OPEN)).isEqualTo(GoalVerdict.PASSED);
        assertThat(verdict(GoalMetric.CONVERSIONS, "4", 8.0, 3, OPEN)).isEqualTo(GoalVerdict.FAILING);
    }

    @Test
    void nothingIsJudgedBeforeAnythingWasDeliveredOrBeforeLaunch() {
        CampaignReport.Funnel empty = funnel(0, 0);
        assertThat(ReportCalculator.goal(goal(GoalMetric.CONVERSIONS, "1"), empty, rates(null), money(), OPEN, NOW)
            .verdict()).isEqualTo(GoalVerdict.NOT_STARTED);
        assertThat(ReportCalculator.goal(goal(GoalMetric.CONVERSIONS, "1"), empty, rates(null), money(), null, NOW)
            .verdict()).isEqualTo(GoalVerdict.NOT_STARTED);
    }

    private static GoalVerdict verdict(GoalMetric metric, String target, double ctr, long conversions, Instant ends) {
        return ReportCalculator.goal(goal(metric, target), funnel(100, conversions), rates(ctr), money(), ends, NOW)
            .verdict();
    }

    private static CampaignDraft.Goal goal(GoalMetric metric, String target) {
        return new CampaignDraft.Goal(metric, new BigDecimal(target));
    }

    private static CampaignReport.Funnel funnel(long delivered, long conversions) {
        return new CampaignReport.Funnel(100, 0, 0, 0, 100, 0, 100, delivered, 0, 0, 0, 0, 0, 0, 10, 8, conversions, 12,
                9);
    }

    private static CampaignReport.Rates rates(Double ctr) {
        return new CampaignReport.Rates(100.0, ctr, ctr, null, null, null, null, 0, 0);
    }

    private static CampaignReport.Money money() {
        return new CampaignReport.Money(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.valueOf(9), 900.0, null, null, null, List.of(), List.of(),
                new CampaignReport.Pricing(0, 0, 0), List.of());
    }

}
