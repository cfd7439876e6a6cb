package org.smscampaign.campaign;

import org.smscampaign.segment.SegmentProblem;
import org.smscampaign.segment.SegmentView;
import org.smscampaign.segment.Segments;

import org.springframework.stereotype.Service;

/**
 * Re-targeting from a campaign's funnel: a segment of the people at one stage ("clicked
 * but did not buy"), named after the campaign, ready to count and use.
 */
@Service
public class Retargeting {

    static final int NAME_LIMIT = 100;

    private static final int TRIES = 50;

    private final CampaignManagement campaigns;

    private final Segments segments;

    Retargeting(CampaignManagement campaigns, Segments segments) {
        this.campaigns = campaigns;
        this.segments = segments;
    }

    /**
     * Creates the segment; without a name it is "Clicked but did not buy — Spring sale",
     * numbered when that name is taken.
     */
    public SegmentView retarget(long campaignId, RetargetAudience audience, String name, String by) {
        CampaignView campaign = this.campaigns.get(campaignId);
        String description = audience.label() + " in the campaign '" + campaign.name() + "'.";
        if (name != null && !name.isBlank()) {
            return this.segments.create(name, description, audience.rule(campaignId), by);
        }
        String base = abbreviate(audience.label() + " — " + campaign.name(), NAME_LIMIT - 5);
        for (int n = 1;; n++) {
            String candidate = (n == 1) ? base : base + " (" + n + ")";
            try {
                return this.segments.create(candidate, description, audience.rule(campaignId), by);
            }
            catch (SegmentProblem ex) {
                if (ex.kind() != SegmentProblem.Kind.CONFLICT || n >= TRIES) {
                    throw ex;
                }
            }
        }
    }

    private static String abbreviate(String text, int limit) {
        return (text.length() <= limit) ? text : text.substring(0, limit - 1) + "…";
    }

}
