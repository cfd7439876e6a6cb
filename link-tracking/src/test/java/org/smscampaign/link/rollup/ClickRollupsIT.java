package org.smscampaign.link.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.platform.BlockRollups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The click figures kept by blocks equal, after every catch-up, the figures computed over
 * the whole campaign from its raw rows (the SQL the rollup ran before it was kept by
 * blocks), while hits, bursts found later, deliveries and conversions are written at once
 * and two instances roll up at once; a full recompute finds the same.
 */
@LinkTrackingIT
class ClickRollupsIT {

    private static final int LINKS = 9_000; // three blocks

    /**
     * Per link and hour, as the rollup computed over the whole campaign before blocks.
     */
    private static final String WHOLE = """
            with click_link_hour as (
                select c.link_id, coalesce(l.variant, '') as variant, left(coalesce(l.label, l.target_url), 500) as target,
                    l.message_id, c.hour, c.reason, c.hits, c.human_hits, c.first_human
                from (select link_id, date_trunc('hour', occurred_at, 'UTC') as hour, reason, count(*) as hits,
                          count(*) filter (where human) as human_hits, min(occurred_at) filter (where human) as first_human
                      from link_click where link_id in (select id from short_link where campaign_id = :id)
                      group by 1, 2, 3) as c
                join short_link l on l.id = c.link_id),
            click_link_first as (
                select link_id, variant, target, message_id, min(hour) as first_hour, min(first_human) as first_human
                from click_link_hour group by link_id, variant, target, message_id),
            hours as (
                select variant, hour, sum(hits) as hits, sum(human_hits) as human_hits, sum(clickers) as clickers,
                    sum(human_clickers) as human_clickers, sum(conversions) as conversions
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
                ) as events group by variant, hour),
            facets as (
                select 'REASON' as facet, reason as key, sum(hits) as hits, 0 as human_clickers
                from click_link_hour where reason is not null group by reason
                union all
                select 'TARGET', t.target, t.hits, coalesce(f.humans, 0)
                from (select target, sum(hits) as hits from click_link_hour group by target) as t
                left join (select target, count(*) as humans from click_link_first where first_human is not null
                           group by target) as f on f.target = t.target
                union all
                select 'DELAY', delay, 0, count(*) from (
                    select case when d.delivered_at is null then 'unknown' else least(greatest(
                        floor(extract(epoch from (f.first_human - d.delivered_at)) / 3600), 0), 48)::int::text end as delay
                    from click_link_first f left join link_delivery d on d.message_id = f.message_id
                    where f.first_human is not null) as delays
                group by delay
                union all
                select 'SLOT', d.local_slot::text, count(*), count(f.link_id)
                from short_link l join link_delivery d on d.message_id = l.message_id
                left join click_link_first f on f.link_id = l.id and f.first_human is not null
                where l.campaign_id = :id and d.local_slot is not null
                group by d.local_slot)
            select 'hour ' || variant || ' ' || hour, hits || ' ' || human_hits || ' ' || clickers || ' '
                || human_clickers || ' ' || conversions from hours
            union all
            select 'revenue ' || coalesce(variant, '') || ' ' || date_trunc('hour', occurred_at, 'UTC') || ' ' || currency,
                count(*) || ' ' || sum(value)
            from counted_conversion
            where campaign_id = :id and attributed and value is not null and currency is not null
            group by coalesce(variant, ''), date_trunc('hour', occurred_at, 'UTC'), currency
            union all
            select 'facet ' || facet || ' ' || key, hits || ' ' || human_clickers from facets""";

    private static final String KEPT = """
            select 'hour ' || variant || ' ' || hour, hits || ' ' || human_hits || ' ' || clickers || ' '
                || human_clickers || ' ' || conversions
            from campaign_click_hour where campaign_id = :id
            union all
            select 'revenue ' || variant || ' ' || hour || ' ' || currency, conversions || ' ' || amount
            from campaign_revenue_hour where campaign_id = :id
            union all
            select 'facet ' || facet || ' ' || key, hits || ' ' || human_clickers
            from campaign_click_facet where campaign_id = :id""";

    private static final AtomicLong CLICK_IDS = new AtomicLong(System.currentTimeMillis() << 20);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    BlockRollups rollups;

    @Autowired
    ClickRollups clickRollups;

    @Test
    void figuresKeptByBlocksEqualTheWholeCampaignsWhileEverythingIsWrittenAtOnce() throws Exception {
        long campaign = 900_000 + ThreadLocalRandom.current().nextLong(100_000);
        // A range of link ids of the table's own sequence, so consecutive links make
        // blocks.
        long firstLink = this.jdbc.sql("select nextval(pg_get_serial_sequence('short_link', 'id'))")
            .query(Long.class)
            .single();
        this.jdbc.sql("select setval(pg_get_serial_sequence('short_link', 'id'), :last)")
            .param("last", firstLink + LINKS)
            .query(Long.class)
            .single();
        this.jdbc
            .sql("""
                    insert into short_link (id, code, brand_id, target_url, label, campaign_id, contact_id, variant, message_id,
                        created_at)
                    select :first + g, 'rb' || :campaign || '_' || g, (select id from link_brand where is_default),
                        'https://shop.example/' || (g % 3), case when g % 5 = 0 then 'Sale' end, :campaign, g,
                        case when g % 2 = 0 then 'A' else 'B' end, :campaign * 100000 + g, now() - interval '1 day'
                    from generate_series(0, :links - 1) g""")
            .param("first", firstLink)
            .param("campaign", campaign)
            .param("links", LINKS)
            .update();
        this.rollups.catchUp(ClickRollups.NAME);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong hits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> {
            while (writing.get()) {
                hits(firstLink);
                hits.addAndGet(200);
            }
        }, "hits"));
        threads.add(new Thread(() -> {
            while (writing.get()) {
                laterFindings(campaign, firstLink);
            }
        }, "bursts-deliveries-conversions"));
        for (int instance = 0; instance < 2; instance++) {
            threads.add(new Thread(() -> {
                while (writing.get()) {
                    this.rollups.catchUp(ClickRollups.NAME);
                }
            }, "rollup-" + instance));
        }
        threads.forEach(Thread::start);
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        writing.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        this.rollups.catchUp(ClickRollups.NAME);

        assertThat(hits.get()).isGreaterThan(1_000);
        Map<String, String> kept = rows(KEPT, campaign);
        assertThat(kept).isEqualTo(rows(WHOLE, campaign));
        this.clickRollups.refresh(campaign);
        assertThat(rows(KEPT, campaign)).as("a full recompute finds the same").isEqualTo(kept);
    }

    /** A writer's batch of hits: people, previews and bots. */
    private void hits(long firstLink) {
        long first = CLICK_IDS.getAndAdd(200);
        this.transaction.executeWithoutResult((status) -> this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, reason, first_hit)
                select :ids + g, :first + (random() * (:links - 1))::int, now() - random() * interval '20 hours', 'GET',
                    r < 0.8, case when r < 0.8 then null when r < 0.9 then 'PREVIEW' else 'BOT' end, false
                from (select g, random() as r from generate_series(1, 200) g) as g""")
            .param("ids", first)
            .param("first", firstLink)
            .param("links", LINKS)
            .update());
    }

    /**
     * What is found after the hits: a burst (people's hits reclassified), a delivery, a
     * conversion with a link or without.
     */
    private void laterFindings(long campaign, long firstLink) {
        long link = firstLink + ThreadLocalRandom.current().nextLong(LINKS);
        this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("""
                    update link_click set human = false, reason = 'BURST', txid = pg_current_xact_id()::text::bigint
                    where link_id = :link and human""").param("link", link).update();
            this.jdbc.sql("""
                    insert into link_delivery (message_id, delivered_at, local_slot)
                    select message_id, now() - interval '21 hours', (message_id % 168)::smallint
                    from short_link where id = :link on conflict do nothing""").param("link", link).update();
            this.jdbc
                .sql("""
                        insert into conversion (event, value, currency, occurred_at, source, link_id, attributed, campaign_id,
                            variant)
                        values ('purchase', 19.90, 'EUR', now() - interval '2 hours', 'SERVER',
                            case when random() < 0.8 then cast(:link as bigint) end, true, :campaign, 'A')""")
                .param("link", link)
                .param("campaign", campaign)
                .update();
        });
    }

    private Map<String, String> rows(String sql, long campaign) {
        Map<String, String> rows = new TreeMap<>();
        this.jdbc.sql(sql).param("id", campaign).query((row, n) -> rows.put(row.getString(1), row.getString(2))).list();
        return rows;
    }

}
