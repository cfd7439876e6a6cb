package org.smscampaign.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The UTC day a demo campaign last had a message event: the day whose summary lists it.
 * The demo sends when the context starts, which need not be the day a test runs (a suite
 * started before midnight UTC reads its summaries after it).
 */
public final class DemoSendingDay {

    private DemoSendingDay() {
    }

    public static LocalDate of(JdbcClient jdbc, long campaignId) {
        return jdbc.sql("""
                select (max(e.at) at time zone 'UTC')::date
                from message_event e join outbound_message m on m.id = e.message_id
                where m.campaign_id = ?
                """).param(campaignId).query(LocalDate.class).optional().orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
    }

}
