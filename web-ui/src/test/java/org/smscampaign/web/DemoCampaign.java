package org.smscampaign.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data's campaigns, as tests find them. */
public final class DemoCampaign {

    private DemoCampaign() {
    }

    /** The id of the demo campaign of that name. */
    public static long id(CampaignManagement campaigns, String name) {
        return campaigns.list(null, 1000)
            .stream()
            .filter((c) -> c.name().equals(name))
            .map(CampaignView::id)
            .findFirst()
            .orElseThrow();
    }

    /**
     * The UTC day a demo campaign last had a message event: the day whose summary lists
     * it. The demo sends when the context starts, which need not be the day a test runs
     * (a suite started before midnight UTC reads its summaries after it).
     */
    public static LocalDate sendingDay(JdbcClient jdbc, long campaignId) {
        return jdbc.sql("""
                select (max(e.at) at time zone 'UTC')::date
                from message_event e join outbound_message m on m.id = e.message_id
                where m.campaign_id = ?
                """).param(campaignId).query(LocalDate.class).optional().orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
    }

}
