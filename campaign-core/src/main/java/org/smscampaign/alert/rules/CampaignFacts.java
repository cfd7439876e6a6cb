package org.smscampaign.alert.rules;

import org.smscampaign.alert.Baseline;
import org.smscampaign.report.CampaignReport;

/**
 * What the campaign rules look at: the campaign's dashboard report (the same figures as
 * its dashboard), and what the report does not hold.
 *
 * @param trackedLinks whether its texts carry a tracked link (else no CTR to watch)
 * @param pausedBy who paused its sending ("error storm" for the gateway), or null
 * @param pauseReason why, or null
 */
public record CampaignFacts(CampaignReport report, boolean trackedLinks, String pausedBy, String pauseReason,
        Baseline baseline) {

}
