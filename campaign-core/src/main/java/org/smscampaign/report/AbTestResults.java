package org.smscampaign.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smscampaign.campaign.AbTestFigures;
import org.smscampaign.campaign.AbTestStatus;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;

/**
 * The variants' always-valid p-values and A/B decision for the dashboard, from the same
 * test and the same stored looks the clock decides by, so the two cannot disagree.
 */
final class AbTestResults {

    private AbTestResults() {
    }

    /** The test's settings and outcome; null for a campaign without an A/B test. */
    static CampaignReport.AbTest summary(CampaignView campaign, AbTestStatus status) {
        CampaignDraft.Winner winner = campaign.draft().winner();
        if (winner == null) {
            return null;
        }
        CampaignView.Launch launch = campaign.launch();
        Instant ends = (launch == null) ? null : ((launch.firstDueAt() != null) ? launch.firstDueAt() : launch.at())
            .plus(Duration.ofHours(winner.testHours()));
        return new CampaignReport.AbTest(winner.confidence().doubleValue(), winner.minimumSample(),
                winner.metric().name(), winner.fallback().name(), ends,
                AbTestFigures.alphaEach(winner, campaign.draft().variants().size()),
                (status != null) ? status.outcome() : null, (status != null) ? status.explanation() : null,
                (status != null) ? status.decidedAt() : null);
    }

    /** The variants with p-values, needs and decisions filled in. */
    static List<CampaignReport.VariantResult> decide(CampaignView campaign, List<CampaignReport.VariantResult> plain,
            AbTestStatus status) {
        if (plain.size() < 2) {
            return plain;
        }
        CampaignDraft.Winner winner = campaign.draft().winner();
        return (winner != null) ? withTest(campaign, winner, plain, status) : withoutTest(plain);
    }

    // No A/B test (a plain split): one look at today's human CTR; valid all the same.
    private static List<CampaignReport.VariantResult> withoutTest(List<CampaignReport.VariantResult> plain) {
        Map<String, Double> p = AbTestFigures.oneLook(plain.stream()
            .map((v) -> Map.entry(v.label(), new long[] { v.delivered(), v.humanClickers() }))
            .toList());
        List<CampaignReport.VariantResult> results = new ArrayList<>();
        for (CampaignReport.VariantResult v : plain) {
            results.add(with(v, p.get(v.label()), null, null));
        }
        return results;
    }

    private static List<CampaignReport.VariantResult> withTest(CampaignView campaign, CampaignDraft.Winner winner,
            List<CampaignReport.VariantResult> plain, AbTestStatus status) {
        String outcome = (status != null) ? status.outcome() : null;
        String chosen = campaign.winnerVariant();
        double alpha = AbTestFigures.alphaEach(winner, plain.size());
        List<CampaignReport.VariantResult> results = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            CampaignReport.VariantResult v = plain.get(i);
            AbTestStatus.VariantLook look = (status != null) ? status.look(v.label()) : null;
            Double p = (i > 0 && look != null && look.alwaysValidP() != null && look.alwaysValidP() < 1)
                    ? look.alwaysValidP() : null;
            long needs = Math.max(0, winner.minimumSample() - v.delivered());
            String decision;
            if (outcome != null) {
                decision = decided(outcome, v.label().equals(chosen));
            }
            else if (needs > 0) {
                decision = String.format(Locale.ENGLISH, "Needs %,d more delivered", needs);
            }
            else if (i == 0) {
                decision = "Control";
            }
            else if (p != null && p < alpha) {
                decision = "Significant: deciding";
            }
            else {
                decision = "Not significant yet";
            }
            results.add(with(v, p, needs, decision));
        }
        return results;
    }

    private static String decided(String outcome, boolean chosen) {
        return switch (outcome) {
            case "SIGNIFICANT" -> chosen ? "Winner (significant)" : "Lost";
            case "STOP" -> "Stopped: no winner";
            default -> chosen ? "Sent to the rest (no significant winner)" : "Not sent to the rest";
        };
    }

    private static CampaignReport.VariantResult with(CampaignReport.VariantResult v, Double p, Long needs,
            String decision) {
        return new CampaignReport.VariantResult(v.label(), v.sent(), v.delivered(), v.humanClickers(), v.humanCtr(),
                v.conversions(), v.revenue(), v.ctrDifference(), (p != null) ? 100 * (1 - p) : null, v.winner(), p,
                needs, decision);
    }

}
