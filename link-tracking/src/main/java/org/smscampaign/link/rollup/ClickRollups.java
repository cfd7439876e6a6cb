package org.smscampaign.link.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code campaign_click_hour}, {@code campaign_revenue_hour} and
 * {@code campaign_click_facet} current. Whoever records hits or a conversion marks the
 * campaign dirty in the same transaction (so no change is ever missed, even across a
 * crash or on another instance); the job recomputes each dirty campaign from its raw rows
 * at most once per interval. Recomputing keeps the figures exact: a hit reclassified
 * later (a burst found afterwards) counts right. The mark is cleared in the recompute's
 * own transaction, after its lock, and only if no mark came since it began (each mark
 * bumps {@code marks}): a crash, a failure or a refused lock keeps it, and writers never
 * wait for a recompute.
 */
@Component
public class ClickRollups {

    private static final Logger log = LoggerFactory.getLogger(ClickRollups.class);

    private static final int LOCK_SPACE = 0x6c63; // "lc": click rollups

    private static final String MARK = "insert into click_rollup_state (campaign_id, dirty) select c, true "
            + "from unnest(?::bigint[]) as c on conflict (campaign_id) do update set dirty = true, "
            + "marks = click_rollup_state.marks + 1";

    /**
     * A recompute costs in proportion to the campaign's hits: a big campaign clicked all
     * the time is recomputed again only after ten times its last recompute took, so that
     * the job takes at most a tenth of the database's time for it (its figures lag a
     * little more).
     */
    private static final int COST_FACTOR = 10;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    /**
     * No statement of a recompute runs longer: a plan gone wrong cannot hold a
     * connection.
     */
    private final String statementTimeout;

    /**
     * Per campaign, the System.nanoTime() before which it is not recomputed by the job.
     */
    private final Map<Long, Long> notBefore = new ConcurrentHashMap<>();

    ClickRollups(JdbcClient jdbc, TransactionTemplate transaction,
            @Value("${sms.link.rollup.statement-timeout:2m}") Duration statementTimeout) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.statementTimeout = String.valueOf(statementTimeout.toMillis());
    }

    /** Marks campaigns dirty on the caller's connection, inside its transaction. */
    public static void markDirty(Connection connection, Collection<Long> campaignIds) throws SQLException {
        if (campaignIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(MARK)) {
            statement.setArray(1, connection.createArrayOf("bigint", campaignIds.toArray()));
            statement.executeUpdate();
        }
    }

    /** Marks a campaign dirty inside the current transaction. */
    public void markDirty(long campaignId) {
        this.jdbc.sql(MARK.replace("?::bigint[]", "array[:id]::bigint[]")).param("id", campaignId).update();
    }

    @Scheduled(fixedDelayString = "${sms.link.rollup.interval:15s}", initialDelay = 3_000)
    void run() {
        List<Long> dirty = this.jdbc.sql("select campaign_id from click_rollup_state where dirty order by campaign_id")
            .query(Long.class)
            .list();
        long now = System.nanoTime();
        this.notBefore.values().removeIf((next) -> now - next >= 0);
        for (Long campaign : dirty) {
            if (this.notBefore.containsKey(campaign)) {
                continue; // stays dirty: a later run takes it
            }
            long started = System.nanoTime();
            try {
                refresh(campaign);
            }
            catch (RuntimeException ex) {
                // Rolled back: the campaign is still marked, a later run takes it.
                log.warn("Recomputing the click figures of campaign {} failed: {}", campaign, ex.getMessage());
            }
            long finished = System.nanoTime();
            this.notBefore.put(campaign, finished + COST_FACTOR * (finished - started));
        }
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
            if (locked) {
                boundStatements();
                // Read before the figures: a mark committed later changes it, and keeps
                // the campaign dirty. Cleared with the figures: both commit, or neither.
                Long marks = this.jdbc.sql("select marks from click_rollup_state where campaign_id = :id")
                    .param("id", campaignId)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
                recompute(campaignId);
                this.jdbc.sql("update click_rollup_state set dirty = false where campaign_id = :id and marks = :marks")
                    .param("id", campaignId)
                    .param("marks", marks)
                    .update();
            }
            return locked;
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
        this.jdbc.sql("delete from campaign_click_hour where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("delete from campaign_click_facet where campaign_id = :id").param("id", campaignId).update();
        this.jdbc.sql("delete from campaign_revenue_hour where campaign_id = :id").param("id", campaignId).update();
        // Hits grouped per link, hour and reason: far fewer rows than hits, enough for
        // every figure. Grouped before the link's text is joined: a fraction of the time
        // of grouping by it (this runs while the campaign is busiest).
        this.jdbc
            .sql("""
                    create temp table click_link_hour on commit drop as
                    select c.link_id, coalesce(l.variant, '') as variant, left(coalesce(l.label, l.target_url), 500) as target,
                        l.message_id, c.hour, c.reason, c.hits, c.human_hits, c.first_human
                    from (select link_id, date_trunc('hour', occurred_at, 'UTC') as hour, reason, count(*) as hits,
                              count(*) filter (where human) as human_hits, min(occurred_at) filter (where human) as first_human
                          from link_click where link_id in (select id from short_link where campaign_id = :id)
                          group by 1, 2, 3) as c
                    join short_link l on l.id = c.link_id""")
            .param("id", campaignId)
            .update();
        this.jdbc.sql("""
                create temp table click_link_first on commit drop as
                select link_id, variant, target, message_id, min(hour) as first_hour, min(first_human) as first_human
                from click_link_hour group by link_id, variant, target, message_id""").update();
        this.jdbc.sql("""
                insert into campaign_click_hour (campaign_id, variant, hour, hits, human_hits, clickers, human_clickers,
                    conversions)
                select :id, variant, hour, sum(hits), sum(human_hits), sum(clickers), sum(human_clickers),
                    sum(conversions)
                from (
                    select variant, hour, hits, human_hits, 0 as clickers, 0 as human_clickers, 0 as conversions
                    from click_link_hour
                    union all
                    select variant, first_hour, 0, 0, 1, 0, 0 from click_link_first
                    union all
                    select variant, date_trunc('hour', first_human, 'UTC'), 0, 0, 0, 1, 0 from click_link_first
                    where first_human is not null
                    union all
                    select coalesce(variant, ''), date_trunc('hour', occurred_at, 'UTC'), 0, 0, 0, 0, 1
                    from counted_conversion where campaign_id = :id and attributed
                ) as events
                group by variant, hour""").param("id", campaignId).update();
        // Values stay in the currency they were reported in: the reports convert them at
        // the rate of their day.
        this.jdbc
            .sql("""
                    insert into campaign_revenue_hour (campaign_id, variant, hour, currency, conversions, amount)
                    select :id, coalesce(variant, ''), date_trunc('hour', occurred_at, 'UTC'), currency, count(*), sum(value)
                    from counted_conversion
                    where campaign_id = :id and attributed and value is not null and currency is not null
                    group by 2, 3, 4""")
            .param("id", campaignId)
            .update();
        this.jdbc.sql("""
                insert into campaign_click_facet (campaign_id, facet, key, hits, human_clickers)
                select :id, 'REASON', reason, sum(hits), 0 from click_link_hour where reason is not null group by reason
                union all
                select :id, 'TARGET', t.target, t.hits, coalesce(f.humans, 0)
                from (select target, sum(hits) as hits from click_link_hour group by target) as t
                left join (select target, count(*) as humans from click_link_first where first_human is not null
                           group by target) as f on f.target = t.target
                union all
                select :id, 'DELAY', delay, 0, count(*) from (
                    -- greatest() ignores nulls: an unknown delivery time must be caught first.
                select case when d.delivered_at is null then 'unknown' else least(greatest(
                    floor(extract(epoch from (f.first_human - d.delivered_at)) / 3600), 0), 48)::int::text end as delay
                    from click_link_first f left join link_delivery d on d.message_id = f.message_id
                    where f.first_human is not null) as delays
                group by delay
                union all
                select :id, 'SLOT', d.local_slot::text, count(*), count(f.link_id)
                from short_link l join link_delivery d on d.message_id = l.message_id
                left join click_link_first f on f.link_id = l.id and f.first_human is not null
                where l.campaign_id = :id and d.local_slot is not null
                group by d.local_slot""").param("id", campaignId).update();
        this.jdbc.sql("""
                insert into click_rollup_state (campaign_id, dirty, refreshed_at) values (:id, false, now())
                on conflict (campaign_id) do update set refreshed_at = excluded.refreshed_at""")
            .param("id", campaignId)
            .update();
    }

}
