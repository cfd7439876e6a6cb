package org.smscampaign.messaging.rollup;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.MessagingProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code campaign_message_total}, {@code campaign_message_hour} and
 * {@code campaign_message_cost} current: a campaign whose figures changed is marked dirty
 * and recomputed from its raw rows at the next run. Marks are durable where they are
 * cheap: enqueues and fetched prices mark in their own transaction; status changes and
 * read receipts (hundreds a second, no statement added) are found by the sweep in the
 * message history, which it reads up to a stored position. Events of this instance only
 * make it sooner. A mark is cleared in the recompute's transaction, and only if no mark
 * came since it began: a crash or a failure keeps it. Recomputing a whole campaign keeps
 * the figures exact; two instances never recompute one campaign at once (advisory lock).
 */
@Component
public class MessageRollups {

    private static final Logger log = LoggerFactory.getLogger(MessageRollups.class);

    private static final int LOCK_SPACE = 0x6d73; // "ms": message rollups

    private static final List<String> STEP_TABLES = List.of("campaign_message_step", "campaign_message_step_cost",
            "campaign_cascade_cost");

    /** In campaign order, so that two marking transactions never deadlock. */
    private static final String MARK = """
            insert into message_rollup_state as s (campaign_id, open_messages, dirty)
            select distinct c, 0, true from unnest(cast(:ids as bigint[])) as c where c is not null order by c
            on conflict (campaign_id) do update set dirty = true, marks = s.marks + 1""";

    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    /**
     * No statement of a recompute runs longer: a plan gone wrong cannot hold a
     * connection.
     */
    private final String statementTimeout;

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

    MessageRollups(JdbcClient jdbc, TransactionTemplate transaction, MessagingProperties properties,
            @Value("${sms.messaging.rollup.statement-timeout:2m}") Duration statementTimeout) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.statementTimeout = String.valueOf(statementTimeout.toMillis());
        this.currency = properties.pricing().currency();
    }

    /** Marks campaigns whose messages changed (recomputed at the next run). */
    public void changed(Long campaignId) {
        if (campaignId != null) {
            this.changed.add(campaignId);
        }
    }

    /**
     * Marks campaigns dirty inside the caller's transaction: the mark commits with the
     * change, and a restart keeps it.
     */
    public void markDirty(Collection<Long> campaignIds) {
        if (!campaignIds.isEmpty()) {
            this.jdbc.sql(MARK).param("ids", campaignIds.toArray(Long[]::new)).update();
        }
    }

    @EventListener
    void statusChanged(MessageStatusChanged event) {
        changed(event.attribution().campaignId());
    }

    @Scheduled(fixedDelayString = "${sms.messaging.rollup.interval:15s}",
            initialDelayString = "${sms.messaging.rollup.interval:15s}")
    void run() {
        Set<Long> campaigns = new TreeSet<>(this.changed);
        this.changed.removeAll(campaigns);
        campaigns
            .addAll(this.jdbc.sql("select campaign_id from message_rollup_state where dirty").query(Long.class).list());
        campaigns.forEach(this::refreshQuietly);
    }

    /**
     * Marks what no mark told (status changes and reads, other instances' callbacks, a
     * restart), then recomputes every marked campaign.
     */
    @Scheduled(fixedDelayString = "${sms.messaging.rollup.sweep-interval:1m}", initialDelay = 5_000)
    public void sweep() {
        this.transaction.executeWithoutResult((status) -> markFromHistory());
        run();
    }

    /**
     * Campaigns with a message event since the position before last (a transaction may
     * commit a while after it took its event id), unless recomputed well after it; and
     * campaigns with messages in flight not recomputed for 30 minutes. One indexed range
     * of the history; the stored position moves in the same transaction.
     */
    private void markFromHistory() {
        long[] seen = this.jdbc.sql("select seen_before, seen from message_rollup_sweep where id = 1 for update")
            .query((row, n) -> new long[] { row.getLong("seen_before"), row.getLong("seen") })
            .single();
        long top = this.jdbc.sql("select coalesce(max(id), 0) from message_event").query(Long.class).single();
        this.jdbc.sql("""
                with changed as (
                    select m.campaign_id, max(e.at) as last_change
                    from message_event e join outbound_message m on m.id = e.message_id
                    where e.id > :from and e.id <= :top and m.campaign_id is not null
                    group by m.campaign_id
                    union all
                    select campaign_id, now() from message_rollup_state
                    where open_messages > 0 and refreshed_at < now() - interval '30 minutes'),
                due as (
                    select c.campaign_id from changed c
                    where not exists (select 1 from message_rollup_state r where r.campaign_id = c.campaign_id
                                      and r.refreshed_at > c.last_change + interval '1 minute'))
                insert into message_rollup_state as s (campaign_id, open_messages, dirty)
                select distinct campaign_id, 0, true from due order by campaign_id
                on conflict (campaign_id) do update set dirty = true, marks = s.marks + 1""")
            .param("from", seen[0])
            .param("top", top)
            .update();
        this.jdbc.sql("update message_rollup_sweep set seen_before = :seen, seen = :top where id = 1")
            .param("seen", Math.max(seen[1], seen[0]))
            .param("top", Math.max(top, seen[1]))
            .update();
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
            boundStatements();
            // Read before the figures: a mark committed later changes it and stays.
            Long marks = this.jdbc.sql("select marks from message_rollup_state where campaign_id = :id")
                .param("id", campaignId)
                .query(Long.class)
                .optional()
                .orElse(null);
            recompute(campaignId);
            this.jdbc.sql("update message_rollup_state set dirty = false where campaign_id = :id and marks = :marks")
                .param("id", campaignId)
                .param("marks", marks)
                .update();
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /**
     * For the rest of the recompute's transaction (a statement cut short rolls it back).
     */
    private void boundStatements() {
        this.jdbc.sql("select set_config('statement_timeout', :millis, true)")
            .param("millis", this.statementTimeout)
            .query(String.class)
            .single();
    }

    /** Replaces the figures; package-private so a test can make it fail. */
    void recompute(long campaignId) {
        this.jdbc.sql("delete from campaign_message_total where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("delete from campaign_message_hour where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("delete from campaign_message_cost where campaign_id = :id").param("id", campaignId).update();
        for (String table : STEP_TABLES) {
            this.jdbc.sql("delete from " + table + " where campaign_id = :id").param("id", campaignId).update();
        }
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
        recomputeSteps(campaignId);
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

    /**
     * By cascade step (chain_step + 1; 1 without a cascade) and channel, and the cost of
     * cascades against SMS only (docs/metrics.md, "Channels and cascade steps").
     */
    private void recomputeSteps(long campaignId) {
        // A chain is one recipient's messages (root: the first). A step was handed on
        // when a later step of its chain exists; the winning step is the chain's last
        // delivered one; its chain time runs from the first step's sending. Chain facts
        // come from a window over the messages, not a join of the messages with their
        // grouped chains: without statistics on the new rows that join was planned as a
        // nested loop and ran for minutes on 40,000 messages (fault suite, fault 12).
        this.jdbc
            .sql("""
                    insert into campaign_message_step (campaign_id, step, channel, messages, sent, delivered, read, failed,
                        handed_on, withdrawn, pending, won, delivery_p50_ms, delivery_p90_ms, chain_p50_ms, chain_p90_ms)
                    with m as (
                        select id, coalesce(chain_root_id, id) as root, coalesce(chain_step, 0) + 1 as step, channel, status,
                            read_at, sending_at, final_at,
                            extract(epoch from final_at - sending_at) * 1000 as delivery_ms
                        from outbound_message where campaign_id = :id),
                    chains as (
                        select m.*, max(step) over chain as last_step,
                            max(step) filter (where status = 'DELIVERED') over chain as won_step,
                            max(sending_at) filter (where id = root) over chain as started_at
                        from m window chain as (partition by root)),
                    s as (
                        select c.*, case when c.status = 'DELIVERED' and c.step = c.won_step
                                then extract(epoch from c.final_at - c.started_at) * 1000 end as chain_ms
                        from chains c)
                    select :id, step, channel, count(*),
                        count(*) filter (where status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')),
                        count(*) filter (where status = 'DELIVERED'),
                        count(*) filter (where status = 'DELIVERED' and read_at is not null),
                        count(*) filter (where status in ('FAILED', 'UNDELIVERED')),
                        count(*) filter (where step < last_step),
                        count(*) filter (where status = 'CANCELED'),
                        count(*) filter (where status in ('QUEUED', 'CLAIMED', 'SENDING')),
                        count(*) filter (where status = 'DELIVERED' and step = won_step),
                        round(percentile_cont(0.5) within group (order by delivery_ms)
                            filter (where status = 'DELIVERED' and delivery_ms is not null)),
                        round(percentile_cont(0.9) within group (order by delivery_ms)
                            filter (where status = 'DELIVERED' and delivery_ms is not null)),
                        round(percentile_cont(0.5) within group (order by chain_ms) filter (where chain_ms is not null)),
                        round(percentile_cont(0.9) within group (order by chain_ms) filter (where chain_ms is not null))
                    from s group by step, channel""")
            .param("id", campaignId)
            .update();
        this.jdbc.sql("""
                insert into campaign_message_step_cost (campaign_id, step, channel, hour, currency, source, messages,
                    amount)
                select :id, coalesce(chain_step, 0) + 1, channel,
                    date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC'),
                    case when price is not null then coalesce(price_unit, :currency)
                         when estimated_cost is not null then coalesce(cost_currency, :currency) else '' end,
                    case when price is not null then 'PROVIDER' when estimated_cost is not null then 'ESTIMATE'
                         else 'NONE' end,
                    count(*), coalesce(sum(coalesce(price, estimated_cost)), 0)
                from outbound_message
                where campaign_id = :id and provider_sid is not null and (price is not null or status <> 'FAILED')
                group by 2, 3, 4, 5, 6""").param("id", campaignId).param("currency", this.currency).update();
        // Cascades that went out: the first message reached the provider or was handed
        // on. Both sides by the hour of the first message, so a chain's cost stays with
        // its baseline; chains without an SMS price are left out of both.
        this.jdbc.sql("""
                insert into campaign_cascade_cost (campaign_id, kind, hour, currency, chains, amount)
                with roots as (
                    select id, sms_only_cost, coalesce(cost_currency, :currency) as currency,
                        date_trunc('hour', coalesce(sent_at, final_at, sending_at, created_at), 'UTC') as hour
                    from outbound_message
                    where campaign_id = :id and chain_id is not null and chain_root_id is null
                      and sms_only_cost is not null and (provider_sid is not null or chain_advanced))
                select :id, 'BASELINE', hour, currency, count(*), sum(sms_only_cost) from roots group by hour, currency
                union all
                select :id, 'ACTUAL', r.hour,
                    case when m.price is not null then coalesce(m.price_unit, :currency)
                         else coalesce(m.cost_currency, :currency) end,
                    count(distinct r.id), sum(coalesce(m.price, m.estimated_cost))
                from roots r join outbound_message m on coalesce(m.chain_root_id, m.id) = r.id
                where m.campaign_id = :id and m.provider_sid is not null
                  and (m.price is not null or (m.estimated_cost is not null and m.status <> 'FAILED'))
                group by 3, 4""").param("id", campaignId).param("currency", this.currency).update();
    }

}
