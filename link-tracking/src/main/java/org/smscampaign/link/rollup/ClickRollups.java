package org.smscampaign.link.rollup;

import java.util.List;

import org.smscampaign.platform.BlockRollup;
import org.smscampaign.platform.BlockRollups;
import org.smscampaign.platform.RolledTable;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code campaign_click_hour}, {@code campaign_revenue_hour} and
 * {@code campaign_click_facet} by blocks of a campaign's links ({@link BlockRollup}):
 * hits, deliveries and conversions carry the transaction that wrote them, and a run
 * computes again only the blocks of links they touched. Every figure of a link depends on
 * that link's own rows only (its hits, its first hit and first human hit, its message's
 * delivery, its conversions), so a block's contribution is exact; conversions without a
 * link count in block 0. A change no row shows (a conversion moved to another campaign,
 * the brand's browser conversions switched) marks the campaign whole.
 */
@Component
public class ClickRollups implements BlockRollup {

    static final String NAME = "clicks";

    /** Links per block: a block's hits are read by the links' index in milliseconds. */
    private static final int BLOCK = 4096;

    /**
     * The campaign's links of the block, and their hits.
     */
    private static final String HITS = """
            with c as (
                select c.link_id, coalesce(l.variant, '') as variant, left(coalesce(l.label, l.target_url), 500) as target,
                    l.message_id, c.occurred_at, date_trunc('hour', c.occurred_at, 'UTC') as hour, c.human, c.reason
                from short_link l join link_click c on c.link_id = l.id
                where l.campaign_id = :campaign and l.id between :first and :last),
            first as (
                select link_id, variant, target, message_id, min(hour) as first_hour,
                    min(occurred_at) filter (where human) as first_human
                from c group by link_id, variant, target, message_id)
            """;

    private final JdbcClient jdbc;

    private final BlockRollups rollups;

    ClickRollups(JdbcClient jdbc, @Lazy BlockRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /**
     * Marks a campaign to be computed all again, in the current transaction (a change no
     * row shows).
     */
    public void markDirty(long campaignId) {
        this.rollups.markAll(NAME, campaignId);
    }

    /** Recomputes one campaign's figures now, from its raw rows. */
    public void refresh(long campaignId) {
        this.rollups.recompute(NAME, campaignId);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public List<String> changedBlocks() {
        return List.of("""
                select l.campaign_id, l.id / :size as block
                from link_click c join short_link l on l.id = c.link_id
                where c.txid >= :from and c.txid < :to""", """
                select l.campaign_id, l.id / :size as block
                from link_delivery d join short_link l on l.message_id = d.message_id
                where d.txid >= :from and d.txid < :to""", """
                select campaign_id, coalesce(link_id, 0) / :size as block
                from conversion where txid >= :from and txid < :to""");
    }

    @Override
    public String blocksOfCampaign() {
        return """
                select id / :size from short_link where campaign_id = :campaign
                union select coalesce(link_id, 0) / :size from conversion where campaign_id = :campaign""";
    }

    @Override
    public List<RolledTable> tables() {
        return List.of(
                new RolledTable("campaign_click_hour", "campaign_click_hour_block", List.of("variant", "hour"),
                        List.of("hits", "human_hits", "clickers", "human_clickers", "conversions"),
                        HITS + """
                                select variant, hour, sum(hits), sum(human_hits), sum(clickers), sum(human_clickers),
                                    sum(conversions)
                                from (
                                    select variant, hour, count(*) as hits, count(*) filter (where human) as human_hits,
                                        0 as clickers, 0 as human_clickers, 0 as conversions
                                    from c group by variant, hour
                                    union all
                                    select variant, first_hour, 0, 0, 1, 0, 0 from first
                                    union all
                                    select variant, date_trunc('hour', first_human, 'UTC'), 0, 0, 0, 1, 0 from first
                                    where first_human is not null
                                    union all
                                    select coalesce(variant, ''), date_trunc('hour', occurred_at, 'UTC'), 0, 0, 0, 0, 1
                                    from counted_conversion
                                    where campaign_id = :campaign and attributed and coalesce(link_id, 0) between :first and :last
                                ) as events
                                group by variant, hour"""),
                // Values stay in the currency they were reported in: the reports convert
                // them at the rate of their day.
                new RolledTable("campaign_revenue_hour", "campaign_revenue_hour_block",
                        List.of("variant", "hour", "currency"), List.of("conversions", "amount"),
                        """
                                select coalesce(variant, ''), date_trunc('hour', occurred_at, 'UTC'), currency, count(*),
                                    sum(value)
                                from counted_conversion
                                where campaign_id = :campaign and attributed and value is not null and currency is not null
                                  and coalesce(link_id, 0) between :first and :last
                                group by 1, 2, 3"""),
                new RolledTable("campaign_click_facet", "campaign_click_facet_block", List.of("facet", "key"),
                        List.of("hits", "human_clickers"),
                        HITS + """
                                select 'REASON', reason, count(*), 0 from c where reason is not null group by reason
                                union all
                                select 'TARGET', t.target, t.hits, coalesce(f.humans, 0)
                                from (select target, count(*) as hits from c group by target) as t
                                left join (select target, count(*) as humans from first where first_human is not null
                                           group by target) as f on f.target = t.target
                                union all
                                -- greatest() ignores nulls: an unknown delivery time must be caught first.
                                select 'DELAY', delay, 0, count(*) from (
                                    select case when d.delivered_at is null then 'unknown' else least(greatest(
                                        floor(extract(epoch from (f.first_human - d.delivered_at)) / 3600), 0), 48)::int::text
                                        end as delay
                                    from first f left join link_delivery d on d.message_id = f.message_id
                                    where f.first_human is not null) as delays
                                group by delay
                                union all
                                select 'SLOT', d.local_slot::text, count(*), count(f.link_id)
                                from short_link l join link_delivery d on d.message_id = l.message_id
                                left join first f on f.link_id = l.id and f.first_human is not null
                                where l.campaign_id = :campaign and l.id between :first and :last and d.local_slot is not null
                                group by d.local_slot"""));
    }

    /**
     * Hits come after their link was made: a campaign whose first link is younger than
     * the hits dropped by retention has all of them.
     */
    @Override
    public boolean complete(JdbcClient jdbc, long campaignId) {
        return jdbc
            .sql("""
                    select coalesce((select min(created_at) from short_link where campaign_id = :id)
                                    >= (select dropped_before from raw_detail_dropped where table_name = 'link_click'), true)""")
            .param("id", campaignId)
            .query(Boolean.class)
            .single();
    }

    /** When the campaign's figures were last brought up to date (shown with them). */
    @Override
    public void afterBlocks(JdbcClient jdbc, long campaignId) {
        jdbc.sql("""
                insert into click_rollup_state (campaign_id, dirty, refreshed_at) values (:id, false, now())
                on conflict (campaign_id) do update set refreshed_at = excluded.refreshed_at, dirty = false""")
            .param("id", campaignId)
            .update();
    }

}
