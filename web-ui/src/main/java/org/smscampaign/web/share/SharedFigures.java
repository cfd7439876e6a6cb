package org.smscampaign.web.share;

import java.util.List;

import org.smscampaign.report.CampaignReport;

/**
 * The campaign report as a shared link shows it. The report holds no contact (no number,
 * name, reply or per-recipient row), only sums; but a sum over a handful of recipients
 * (the one delivered message in a small city, and whether it led to a purchase) can point
 * at a person, so audience groups below the report's own minimum sample are left out.
 */
final class SharedFigures {

    /** Recipients below which an audience group is not shown on a shared link. */
    static final int MINIMUM_GROUP = CampaignReport.AudienceSlice.MINIMUM_SAMPLE;

    private SharedFigures() {
    }

    static CampaignReport of(CampaignReport report) {
        List<CampaignReport.AudienceSlice> audience = report.audience()
            .stream()
            .filter((slice) -> slice.delivered() >= MINIMUM_GROUP)
            .toList();
        return new CampaignReport(report.campaignId(), report.name(), report.status(), report.launchedAt(),
                report.evaluationEndsAt(), report.currency(), report.funnel(), report.rates(), report.money(),
                report.goals(), report.variants(), report.winner(), report.series(), report.excluded(), report.links(),
                report.clicksAfterDelivery(), audience, report.holdout(), report.refreshedAt(), report.abTest(),
                report.cascade(), report.responses());
    }

}
