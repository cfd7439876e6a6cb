package org.smscampaign.campaign;

import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.abtest.Arm;
import org.smscampaign.campaign.abtest.SequentialAbTest;

/**
 * The A/B test's figures for reports, by the same code the clock decides with
 * (campaign/abtest), so the dashboard and the decision agree.
 */
public final class AbTestFigures {

    private AbTestFigures() {
    }

    /** The threshold each variant's always-valid p is held to. */
    public static double alphaEach(CampaignDraft.Winner winner, int variants) {
        return new SequentialAbTest(winner.confidence().doubleValue() / 100, winner.minimumSample())
            .alphaEach(variants);
    }

    /**
     * Each variant's always-valid p against the first from one look at today's figures (a
     * split without an A/B test); null for the control and too small a sample.
     * @param figures label, delivered and successes of each variant, the control first
     */
    public static Map<String, Double> oneLook(List<Map.Entry<String, long[]>> figures) {
        List<Arm> arms = figures.stream().map((f) -> new Arm(f.getKey(), f.getValue()[0], f.getValue()[1])).toList();
        SequentialAbTest.Look look = new SequentialAbTest(0.95, 0).look(arms, Map.of());
        Map<String, Double> p = new java.util.HashMap<>();
        for (SequentialAbTest.ArmResult arm : look.arms()) {
            if (arm.alwaysValidP() != null && arm.alwaysValidP() < 1) {
                p.put(arm.arm().label(), arm.alwaysValidP());
            }
        }
        return p;
    }

}
