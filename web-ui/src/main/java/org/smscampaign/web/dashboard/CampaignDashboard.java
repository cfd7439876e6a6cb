package org.smscampaign.web.dashboard;

import java.time.Clock;

import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.link.ConversionAnomalies;
import org.smscampaign.report.CampaignReport;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the campaign dashboard template reads, in one place: the signed-in dashboard and
 * its shared read-only copy show the same figures.
 */
@Component
public class CampaignDashboard {

    /** The template of the campaign dashboard. */
    public static final String VIEW = "dashboards/campaign";

    private final Clock clock;

    private final ConversionAnomalies anomalies;

    private final org.smscampaign.link.Conversions conversions;

    private final CampaignClickFigures clicks;

    CampaignDashboard(Clock clock, ConversionAnomalies anomalies, org.smscampaign.link.Conversions conversions,
            CampaignClickFigures clicks) {
        this.conversions = conversions;
        this.clicks = clicks;
        this.clock = clock;
        this.anomalies = anomalies;
    }

    /** Fills the model for {@link #VIEW} with the report and what goes beside it. */
    public void fill(CampaignReport report, Model model) {
        model.addAttribute("report", report);
        // Clicks and conversions keep coming after sending, until the goals are judged.
        model.addAttribute("live", report.status().live()
                || (report.evaluationEndsAt() != null && report.evaluationEndsAt().isAfter(this.clock.instant())));
        model.addAttribute("definitions", MetricDefinitions.ALL);
        // Shown beside the sums, which still include them: a warning, not a correction.
        model.addAttribute("valueOutliers", this.anomalies.valueOutliers(report.campaignId()));
        model.addAttribute("valueFactor", ConversionAnomalies.VALUE_FACTOR);
        // Counted in the figures like the others; marked so readers know where they came
        // from.
        model.addAttribute("imported", this.conversions.importedOf(report.campaignId()));
        // Past the retention the hits themselves are gone; the figures stay, final.
        model.addAttribute("rawHitsDroppedBefore", this.clicks.rawHitsDroppedBefore(report.campaignId()).orElse(null));
        model.addAttribute("medianFirstAnswer",
                duration((report.responses() != null) ? report.responses().medianFirstAnswerSeconds() : null));
    }

    /**
     * A duration as people say it: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" unknown.
     */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long minutes = Math.round(s / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + ((minutes % 60 > 0) ? " " + (minutes % 60) + " min" : "");
        }
        return (hours / 24) + " d" + ((hours % 24 > 0) ? " " + (hours % 24) + " h" : "");
    }

}
