package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goals are judged by their direction, what they measure and whether their window is
 * still open; once judged, the frozen verdict and figure stand whatever comes later.
 */
class GoalVerdictTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static final Instant OPEN = NOW.plus(Duration.ofDays(2));

    static final Instant CLOSED = NOW.minus(Duration.ofDays(1));

    @Test
    void aRateAboveTargetIsOnTrackWhileTheWindowIsOpenAndPassedWhenItCloses() {
        assertThat(verdict(GoalMetric.HUMAN_CTR, "5", OPEN)).isEqualTo(GoalVerdict.ON_TRACK);
        assertThat(verdict(GoalMetric.HUMAN_CTR, "5", CLOSED)).isEqualTo(GoalVerdict.PASSED);
    }

    @Test
    void aRateBelowTargetIsFailingThenFailed() {
        assertThat(verdict(GoalMetric.HUMAN_CTR, "10", OPEN)).isEqualTo(GoalVerdict.FAILING);
        assertThat(verdict(GoalMetric.HUMAN_CTR, "10", CLOSED)).isEqualTo(GoalVerdict.FAILED);
    }

    @Test
    void aCountReachedEarlyShowsReachedButIsOnlyPassedWhenTheWindowCloses() {
        assertThat(verdict(GoalMetric.CONVERSIONS, "3", OPEN)).isEqualTo(GoalVerdict.REACHED);
        assertThat(verdict(GoalMetric.CONVERSIONS, "4", OPEN)).isEqualTo(GoalVerdict.FAILING);
        assertThat(verdict(GoalMetric.CONVERSIONS, "3", CLOSED)).isEqualTo(GoalVerdict.PASSED);
    }

    @Test
    void atMostGoalsPassAtOrBelowTheirTarget() {
        // cost 4 over 8 human clickers: 0.50 per click; opt-outs 2 of 100: 2 %
        assertThat(verdict(GoalMetric.COST_PER_CLICK, "0.50", OPEN)).isEqualTo(GoalVerdict.ON_TRACK);
        assertThat(verdict(GoalMetric.COST_PER_CLICK, "0.49", OPEN)).isEqualTo(GoalVerdict.FAILING);
        assertThat(verdict(GoalMetric.OPT_OUT_RATE, "1.5", CLOSED)).isEqualTo(GoalVerdict.FAILED);
        assertThat(verdict(GoalMetric.OPT_OUT_RATE, "2", CLOSED)).isEqualTo(GoalVerdict.PASSED);
        // 2 undelivered + 3 failed of 100 + 3 offered
        assertThat(verdict(GoalMetric.UNDELIVERED_RATE, "5", OPEN)).isEqualTo(GoalVerdict.ON_TRACK);
    }

    @Test
    void anUnknownFigureMeetsNoTargetInEitherDirection() {
        assertThat(GoalDirection.AT_LEAST.met(null, BigDecimal.ONE)).isFalse();
        assertThat(GoalDirection.AT_MOST.met(null, BigDecimal.ONE)).isFalse();
        // no conversion yet: the cost per conversion is unbounded, not zero
        assertThat(verdict(GoalMetric.COST_PER_CONVERSION, "100", OPEN)).isEqualTo(GoalVerdict.FAILING);
    }

    @Test
    void conversionGoalsCountTheirOwnEvent() {
        CampaignReport.GoalResult leads = result(
                new CampaignDraft.Goal(GoalMetric.CONVERSIONS, new BigDecimal("2"), "lead"), null, OPEN);
        CampaignReport.GoalResult sales = result(
                new CampaignDraft.Goal(GoalMetric.CONVERSIONS, new BigDecimal("2"), "Sale"), null, OPEN);
        assertThat(leads.actual()).isEqualByComparingTo("1");
        assertThat(leads.verdict()).isEqualTo(GoalVerdict.FAILING);
        assertThat(sales.event()).isEqualTo("sale");
        assertThat(sales.actual()).isEqualByComparingTo("2");
        assertThat(sales.label()).isEqualTo("Conversions (sale)");
        assertThat(sales.direction()).isEqualTo(GoalDirection.AT_LEAST);
    }

    @Test
    void aFrozenVerdictStandsAndLaterDataShowsBesideIt() {
        CampaignDraft.Goal goal = new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("10"));
        Instant judgedAt = CLOSED.plusSeconds(30);
        GoalState frozen = new GoalState(GoalMetric.HUMAN_CTR, "", new BigDecimal("10"), false, new BigDecimal("6"),
                judgedAt, List.of(new GoalState.Change("ann", CLOSED.minusSeconds(3600), new BigDecimal("12"),
                        new BigDecimal("10"))));
        CampaignReport.GoalResult result = result(goal, frozen, CLOSED);
        assertThat(result.verdict()).isEqualTo(GoalVerdict.FAILED);
        assertThat(result.actual()).isEqualByComparingTo("6");
        assertThat(result.afterJudgement()).isEqualByComparingTo("8"); // above target
                                                                       // now: still
                                                                       // failed
        assertThat(result.judgedAt()).isEqualTo(judgedAt);
        assertThat(result.originalTarget()).isEqualByComparingTo("12");
        assertThat(result.changes()).hasSize(1);
    }

    @Test
    void nothingIsJudgedBeforeAnythingWasDeliveredOrBeforeLaunch() {
        CampaignDraft.Goal goal = new CampaignDraft.Goal(GoalMetric.CONVERSIONS, BigDecimal.ONE);
        assertThat(ReportCalculator.verdict(goal, BigDecimal.ZERO, 0, OPEN, NOW)).isEqualTo(GoalVerdict.NOT_STARTED);
        assertThat(ReportCalculator.verdict(goal, BigDecimal.ZERO, 0, null, NOW)).isEqualTo(GoalVerdict.NOT_STARTED);
    }

    private static GoalVerdict verdict(GoalMetric metric, String target, Instant ends) {
        return result(new CampaignDraft.Goal(metric, new BigDecimal(target)), null, ends).verdict();
    }

    private static CampaignReport.GoalResult result(CampaignDraft.Goal goal, GoalState state, Instant ends) {
        return ReportCalculator.goal(goal, state,
                new ReportCalculator.GoalFigures(funnel(), rates(), money(), Map.of("lead", 1L, "sale", 2L)), ends,
                NOW);
    }

    private static CampaignReport.Funnel funnel() {
        return new CampaignReport.Funnel(103, 0, 0, 0, 103, 0, 100, 95, 3, 2, 0, 0, 0, 0, 10, 8, 3, 12, 9);
    }

    private static CampaignReport.Rates rates() {
        return new CampaignReport.Rates(95.0, 8.0, 10.0, null, null, 2.0, 4.0, 2, 4, 1, 100.0 * 5 / 103);
    }

    private static CampaignReport.Money money() {
        return new CampaignReport.Money(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("4"),
                BigDecimal.TEN, BigDecimal.valueOf(6), 150.0, new BigDecimal("0.5000"), null, null, List.of(),
                List.of(), new CampaignReport.Pricing(0, 0, 0), List.of());
    }

}
