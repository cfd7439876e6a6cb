package org.smscampaign.campaign.goal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.Preflight;

import static org.assertj.core.api.Assertions.assertThat;

/** A goal must decide something: measurable, and neither met nor missed by definition. */
class GoalChecksTest {

    @Test
    void everyMetricHasADirectionAUnitAndSaysHowItIsMeasured() {
        for (GoalMetric metric : GoalMetric.values()) {
            assertThat(metric.direction()).isNotNull();
            assertThat(metric.unit()).isNotNull();
            assertThat(metric.howMeasured()).endsWith(".");
        }
        assertThat(GoalMetric.COST_PER_CLICK.direction()).isEqualTo(GoalDirection.AT_MOST);
        assertThat(GoalMetric.QUERIES.direction()).isEqualTo(GoalDirection.AT_LEAST);
        // the direction follows the metric, whatever a client sends
        assertThat(
                new CampaignDraft.Goal(GoalMetric.OPT_OUT_RATE, BigDecimal.ONE, "", GoalDirection.AT_LEAST).direction())
            .isEqualTo(GoalDirection.AT_MOST);
    }

    @Test
    void goalsMetByDefinitionAreErrors() {
        assertThat(pointless(GoalMetric.HUMAN_CTR, "0")).contains("met by definition");
        assertThat(pointless(GoalMetric.CONVERSIONS, "-1")).contains("met by definition");
        assertThat(pointless(GoalMetric.ROI, "-100")).contains("met by definition");
        assertThat(pointless(GoalMetric.OPT_OUT_RATE, "100")).contains("met by definition");
        assertThat(pointless(GoalMetric.HUMAN_CTR, "101")).contains("can never be met");
        assertThat(pointless(GoalMetric.COST_PER_CONVERSION, "0")).contains("can never be met");
    }

    @Test
    void realGoalsPass() {
        assertThat(pointless(GoalMetric.HUMAN_CTR, "5")).isNull();
        assertThat(pointless(GoalMetric.PROFIT, "0")).isNull(); // break even is a real
                                                                // goal
        assertThat(pointless(GoalMetric.ROI, "0")).isNull();
        assertThat(pointless(GoalMetric.UNDELIVERED_RATE, "3")).isNull();
        assertThat(pointless(GoalMetric.COST_PER_CLICK, "0.40")).isNull();
    }

    @Test
    void clickGoalsNeedATrackedLink() {
        CampaignDraft plain = draft("Sale today at our shop", GoalMetric.HUMAN_CTR, 7);
        CampaignDraft linked = draft("Sale today {{link:https://shop.example/sale}}", GoalMetric.HUMAN_CTR, 7);
        assertThat(codes(plain, true, Duration.ZERO)).containsExactly("GOAL_NOT_MEASURABLE");
        assertThat(GoalChecks.errors(plain)).hasSize(1);
        assertThat(codes(linked, true, Duration.ZERO)).isEmpty();
        assertThat(GoalChecks.errors(linked)).isEmpty();
        assertThat(codes(draft("No link", GoalMetric.REPLIES, 7), true, Duration.ZERO)).isEmpty();
    }

    @Test
    void conversionGoalsWithoutConversionsForTheBrandAndShortWindowsAreWarnings() {
        CampaignDraft revenue = draft("Sale {{link:https://shop.example/}}", GoalMetric.REVENUE, 1);
        List<Preflight.Warning> warnings = GoalPreflight.check(revenue, () -> false, Duration.ofHours(30));
        assertThat(warnings).extracting(Preflight.Warning::code)
            .containsExactly("GOAL_NO_CONVERSIONS", "GOAL_WINDOW_SHORT");
        assertThat(warnings).noneMatch(Preflight.Warning::blocking);
        assertThat(warnings.get(0).message()).contains("/api/v1/conversions").contains("/t/sms.js");
        assertThat(codes(revenue, true, Duration.ofHours(20))).isEmpty();
    }

    private static List<String> codes(CampaignDraft draft, boolean conversions, Duration sending) {
        List<Preflight.Warning> warnings = GoalPreflight.check(draft, () -> conversions, sending);
        warnings.stream()
            .filter((w) -> w.code().equals("GOAL_NOT_MEASURABLE") || w.code().equals("GOAL_MET_BY_DEFINITION"))
            .forEach((w) -> assertThat(w.blocking()).isTrue());
        return warnings.stream().map(Preflight.Warning::code).toList();
    }

    private static String pointless(GoalMetric metric, String target) {
        return GoalChecks.pointless(new CampaignDraft.Goal(metric, new BigDecimal(target)));
    }

    private static CampaignDraft draft(String body, GoalMetric metric, int evaluationDays) {
        return new CampaignDraft("Goals", "default", null, null, List.of(new CampaignDraft.Variant("A", body, 100)),
                null, null, false, null, 0, null, List.of(new CampaignDraft.Goal(metric, new BigDecimal("5"))), 7,
                evaluationDays, List.of());
    }

}
