package org.smscampaign.messaging.rollup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.MessagingProperties;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code campaign_message_total}, {@code campaign_message_hour} and
 * {@code campaign_message_cost} current: a campaign whose messages were enqueued or
 * changed status here is recomputed from its raw rows at the next run. A sweep covers
 * what no event told this instance (other instances' callbacks, a restart): campaigns
 * with messages finished since the last sweep, and campaigns that still had messages in
 * flight. Recomputing a whole campaign keeps the figures exact (no drift from missed
 * increments); two instances never recompute one campaign at once (advisory lock).
 */
@Component
public class MessageRollups {

    private static final Logger log = LoggerFactory.getLogger(MessageRollups.class);

    private static final int LOCK_SPACE = 0x6d73; // "ms": message rollups

    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private volatile Instant lastSweep;

    /**
     * A recompute costs in proportion to the campaign's messages: a big campaign changing
     * all the time is recomputed again only after ten times its last recompute took (at
     * most a tenth of the database's time for it).
     */
    private static final int COST_FACTOR = 10;

    /**
     * Per campaign, the System.nanoTime() before which it is not recomputed by the jobs.
     */
    private final Map<Long, Long> notBefore = new ConcurrentHashMap<>();

    /** The price table's currency: that of estimates queued before they named theirs. */
    private final String currency;

    MessageRollups(JdbcClient jdbc, TransactionTemplate transaction, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.currency = properties.pricing().currency();
    }

    /** Marks campaigns whose messages changed (recomputed at the next run). */
    public void changed(Long campaignId) {
        if (campaignId != null) {
            this.changed.add(campaignId);
        }
    }

    @EventListener
    void statusChanged(MessageStatusChanged event) {
        changed(event.attribution().campaignId());
    }

    @Scheduled(fixedDelayString = "${sms.messaging.rollup.interval:15s}",
            initialDelayString = "${sms.messaging.rollup.interval:15s}")
    void run() {
        for (Long campaign : List.copyOf(this.changed)) {
            this.changed.remove(campaign);
            refreshQuietly(campaign);
        }
    }

    @Scheduled(fixedDelayString = "${sms.messaging.rollup.sweep-interval:1m}", initialDelay = 5_000)
    void sweep() {
        Instant started = this.jdbc.sql("select now()").query(Instant.class).single();
        Instant since = (this.lastSweep != null) ? this.lastSweep
                : this.jdbc
                    .sql("select coalesce(max(refreshed_at), now() - interval '1 day') from message_rollup_state")
                    .query(Instant.class)
                    .single();
        // A minute's margin: a transaction may commit a while after it set final_at.
        List<Long> campaigns = this.jdbc.sql("""
                select distinct campaign_id from outbound_message
                where final_at > cast(:since as timestamptz) - interval '1 minute' and campaign_id is not null
                union
                select campaign_id from message_rollup_state
                where open_messages > 0 and refreshed_at < now() - interval '30 minutes'""")
            .param("since", java.sql.Timestamp.from(since))
            .query(Long.class)
            .list();
        campaigns.forEach(this::refreshQuietly);
        this.lastSweep = started;
    }

    private void refreshQuietly(long campaignId) {
        long now = System.nanoTime();
        Long next = this.notBefore.get(campaignId);
        if (next != null && now - next < 0) {
            this.changed.add(campaignId); // a later run takes it
            return;
        }
        try {
            refresh(campaignId);
        }
        catch (RuntimeException ex) {
            this.changed.add(campaignId);
            log.warn("Recomputing the message figures of campaign {} failed: {}", campaignId, ex.getMessage());
        }
        long finished = System.nanoTime();
        this.notBefore.values().removeIf((time) -> finished - time >= 0);
        this.notBefore.put(campaignId, finished + COST_FACTOR * (finished - now));
    }

    /**
     * Recomputes one campaign's figures now; false when another instance is at it (its
     * result is as fresh).
     */
    public boolean refresh(long campaignId) {
        Boolean done = this.transaction.execute((status) -> {
            boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:space, :id)")
                .param("space", LOCK_SPACE)
                .param("id", (int) campaignId)
                .query(Boolean.class)
                .single();
            if (!locked) {
                return false;
            }
            recompute(campaignId);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private void recompute(long campaignId) {
        this.jdbc.sql("delete from campaign_message_total where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("delete from campaign_message_hour where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("delete from campaign_message_cost where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("""
                insert into campaign_message_total (campaign_id, variant, channel, status, messages, segments)
                select :id, coalesce(variant, ''), channel, status, count(*), sum(segments)
                from outbound_message where campaign_id = :id
                group by 2, 3, 4""").param("id", campaignId).update();
        // Each count by the hour of its event, with the dashboard's status sets: sent
        // when
        // the provider took it, the final status when it was reached.
        this.jdbc.sql("""
                insert into campaign_message_hour (campaign_id, variant, hour, sent, delivered, failed, undelivered)
                select :id, variant, hour, sum(sent), sum(delivered), sum(failed), sum(undelivered)
                from (
                    select coalesce(m.variant, '') as variant, e.hour, e.sent, e.delivered, e.failed, e.undelivered
                    from outbound_message m
                    cross join lateral (values
                        (date_trunc('hour', coalesce(m.sent_at, m.final_at, m.created_at), 'UTC'),
                            (m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED'))::int, 0, 0, 0),
                        (date_trunc('hour', coalesce(m.final_at, m.sent_at, m.created_at), 'UTC'), 0,
                            (m.status = 'DELIVERED')::int, (m.status = 'FAILED')::int,
                            (m.status = 'UNDELIVERED')::int)) as e(hour, sent, delivered, failed, undelivered)
                    where m.campaign_id = :id and m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')
                      and e.sent + e.delivered + e.failed + e.undelivered > 0
                ) as events
                group by variant, hour""").param("id", campaignId).update();
        // What the provider took costs its stated price, else the table's estimate, in
        // their own currencies (converted by the reports at the rate of the day); a
        // failed
        // message costs only what the provider stated.
        this.jdbc
            .sql("""
                    insert into campaign_message_cost (campaign_id, variant, channel, hour, currency, source, messages, amount)
                    select :id, coalesce(variant, ''), channel, date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC'),
                        case when price is not null then coalesce(price_unit, :currency)
                             when estimated_cost is not null then coalesce(cost_currency, :currency) else '' end,
                        case when price is not null then 'PROVIDER' when estimated_cost is not null then 'ESTIMATE'
                             else 'NONE' end,
                        count(*), coalesce(sum(coalesce(price, estimated_cost)), 0)
                    from outbound_message
                    where campaign_id = :id and provider_sid is not null and (price is not null or status <> 'FAILED')
                    group by 2, 3, 4, 5, 6""")
            .param("id", campaignId)
            .param("currency", this.currency)
            .update();
        this.jdbc.sql("""
                insert into message_rollup_state (campaign_id, refreshed_at, open_messages)
                values (:id, now(), (select coalesce(sum(messages), 0) from campaign_message_total
                                     where campaign_id = :id
                                       and status in ('QUEUED', 'CLAIMED', 'SENDING', 'ACCEPTED', 'SENT', 'UNKNOWN')))
                on conflict (campaign_id) do update
                    set refreshed_at = excluded.refreshed_at, open_messages = excluded.open_messages""")
            .param("id", campaignId)
            .update();
    }

}
