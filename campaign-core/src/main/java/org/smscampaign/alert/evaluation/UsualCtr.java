package org.smscampaign.alert.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertProperties;
import org.smscampaign.alert.Baseline;
import org.smscampaign.alert.rules.Medians;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReports;

import org.springframework.stereotype.Component;

/**
 * The account's usual human CTR: the median over campaigns completed and launched within
 * the trailing days, with enough delivered messages, from the dashboard's figures.
 */
@Component
public class UsualCtr {

    private static final int LIMIT = 500;

    private final CampaignManagement campaigns;

    private final CampaignReports reports;

    private final AlertProperties properties;

    UsualCtr(CampaignManagement campaigns, CampaignReports reports, AlertProperties properties) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.properties = properties;
    }

    /** Each past campaign's human CTR, by campaign id. */
    public Map<Long, Double> pastCampaigns(Instant now) {
        Instant from = now.minus(Duration.ofDays(this.properties.baselineDays()));
        List<CampaignView> completed = this.campaigns.list(CampaignStatus.COMPLETED, LIMIT)
            .stream()
            .filter((c) -> c.launch() != null && c.launch().at().isAfter(from))
            .toList();
        Map<Long, Double> ctrs = new java.util.HashMap<>();
        for (CampaignOverview.Row row : this.reports.rows(completed).values()) {
            if (row.humanCtr() != null && row.delivered() >= this.properties.baselineMinimumDelivered()) {
                ctrs.put(row.id(), row.humanCtr());
            }
        }
        return ctrs;
    }

    /** The baseline for one campaign: the median over the others. */
    public Baseline forCampaign(Map<Long, Double> past, long campaignId) {
        List<Double> others = past.entrySet()
            .stream()
            .filter((e) -> e.getKey() != campaignId)
            .map(Map.Entry::getValue)
            .toList();
        return new Baseline(Medians.of(others), others.size(), this.properties.baselineDays());
    }

    /** The baseline for a new campaign. */
    public Baseline now(Instant now) {
        return forCampaign(pastCampaigns(now), -1);
    }

}
