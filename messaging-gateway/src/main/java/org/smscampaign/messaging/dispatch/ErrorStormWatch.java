package org.smscampaign.messaging.dispatch;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SendingPaused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pauses a campaign whose messages fail in numbers (carrier filtering, invalid
 * numbers...) and says why: sending more of the same only costs money and sender
 * reputation. Measured over the campaign's recently finished messages, in the database,
 * so every instance sees the same. Throttling and provider outages do not count: they are
 * retried, not failures.
 */
@Component
class ErrorStormWatch {

    private static final Logger log = LoggerFactory.getLogger(ErrorStormWatch.class);

    private final JdbcClient jdbc;

    private final MessagingProperties.ErrorStorm settings;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final boolean enabled;

    ErrorStormWatch(JdbcClient jdbc, MessagingProperties properties, ApplicationEventPublisher events, Clock clock,
            @Value("${sms.messaging.dispatch.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.settings = properties.errorStorm();
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sms.messaging.dispatch.sweep-interval:5s}")
    void sweep() {
        if (this.enabled) {
            watch();
        }
    }

    void watch() {
        this.jdbc.sql("""
                select campaign_id, count(*) as finished,
                    count(*) filter (where status in ('FAILED', 'UNDELIVERED')) as failed,
                    mode() within group (order by error_code) filter (where status in ('FAILED', 'UNDELIVERED'))
                        as common_error
                from outbound_message m
                where m.final_at > now() - :window * interval '1 millisecond' and m.campaign_id is not null
                  and m.status in ('DELIVERED', 'UNDELIVERED', 'FAILED')
                  and not exists (select 1 from dispatch_pause p where p.campaign_id = m.campaign_id
                                  and (p.resumed_at is null or m.final_at <= p.resumed_at))
                group by campaign_id
                having count(*) >= :minimum""")
            .param("window", this.settings.window().toMillis())
            .param("minimum", this.settings.minimumMessages())
            .query((row, n) -> {
                long finished = row.getLong("finished");
                long failed = row.getLong("failed");
                if (failed >= this.settings.failureShare() * finished) {
                    Integer error = row.getObject("common_error", Integer.class);
                    pause(row.getLong("campaign_id"),
                            String.format(
                                    "Paused automatically: %d of the last %d messages failed within %d minutes%s.",
                                    failed, finished, this.settings.window().toMinutes(),
                                    (error != null) ? " (most often error " + error + ")" : ""));
                }
                return null;
            })
            .list();
    }

    private void pause(long campaignId, String reason) {
        // Again after a resume: failures since then count (the watch's query).
        int added = this.jdbc.sql(MessageStoreAccess.PAUSE)
            .param("campaign", campaignId)
            .param("reason", reason)
            .param("by", "error storm")
            .update();
        if (added == 1) {
            log.warn("Campaign {}: {}", campaignId, reason);
            this.events.publishEvent(new SendingPaused(campaignId, reason, "error storm", this.clock.instant()));
        }
    }

}
