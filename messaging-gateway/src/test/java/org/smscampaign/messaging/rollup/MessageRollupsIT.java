package org.smscampaign.messaging.rollup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.smscampaign.MessagingIT;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.platform.BlockRollups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smscampaign.messaging.Fixtures.await;
import static org.smscampaign.messaging.Fixtures.number;
import static org.smscampaign.messaging.Fixtures.sms;

/**
 * The message figures kept by blocks equal, after every catch-up, the figures computed
 * over the whole campaign from its raw rows (the SQL the rollup ran before it was kept by
 * blocks), while messages are queued, sent, delivered, read, priced and handed to the
 * next step of their chain, and two instances roll up at once; a full recompute finds the
 * same.
 */
@MessagingIT
class MessageRollupsIT {

    /** The figures as the rollup computed them over the whole campaign before blocks. */
    private static final String WHOLE = """
            with m as (select * from outbound_message where campaign_id = :id),
            s0 as (
                select id, coalesce(chain_root_id, id) as root, coalesce(chain_step, 0) + 1 as step, channel, status,
                    read_at, sending_at, final_at, extract(epoch from final_at - sending_at) * 1000 as delivery_ms
                from m),
            chains as (
                select s0.*, max(step) over chain as last_step,
                    max(step) filter (where status = 'DELIVERED') over chain as won_step,
                    max(sending_at) filter (where id = root) over chain as started_at
                from s0 window chain as (partition by root)),
            s as (
                select c.*, case when c.status = 'DELIVERED' and c.step = c.won_step
                        then extract(epoch from c.final_at - c.started_at) * 1000 end as chain_ms
                from chains c),
            roots as (
                select id, sms_only_cost, coalesce(cost_currency, 'USD') as currency,
                    date_trunc('hour', coalesce(sent_at, final_at, sending_at, created_at), 'UTC') as hour
                from m
                where chain_id is not null and chain_root_id is null and sms_only_cost is not null
                  and (provider_sid is not null or chain_advanced))
            select 'total ' || coalesce(variant, '') || ' ' || channel || ' ' || status, count(*) || ' ' || sum(segments)
            from m group by coalesce(variant, ''), channel, status
            union all
            select 'hour ' || variant || ' ' || hour, sum(sent) || ' ' || sum(delivered) || ' ' || sum(failed) || ' '
                || sum(undelivered)
            from (
                select coalesce(m.variant, '') as variant, e.hour, e.sent, e.delivered, e.failed, e.undelivered
                from m cross join lateral (values
                    (date_trunc('hour', coalesce(m.sent_at, m.final_at, m.created_at), 'UTC'),
                        (m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED'))::int, 0, 0, 0),
                    (date_trunc('hour', coalesce(m.final_at, m.sent_at, m.created_at), 'UTC'), 0,
                        (m.status = 'DELIVERED')::int, (m.status = 'FAILED')::int,
                        (m.status = 'UNDELIVERED')::int)) as e(hour, sent, delivered, failed, undelivered)
                where m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')
                  and e.sent + e.delivered + e.failed + e.undelivered > 0) as events
            group by variant, hour
            union all
            select 'cost ' || coalesce(variant, '') || ' ' || channel || ' '
                    || date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC') || ' '
                    || case when price is not null then coalesce(price_unit, 'USD')
                            when estimated_cost is not null then coalesce(cost_currency, 'USD') else '' end || ' '
                    || case when price is not null then 'PROVIDER' when estimated_cost is not null then 'ESTIMATE'
                            else 'NONE' end,
                count(*) || ' ' || coalesce(sum(coalesce(price, estimated_cost)), 0)
            from m where provider_sid is not null and (price is not null or status <> 'FAILED')
            group by 1
            union all
            select 'step ' || step || ' ' || channel, count(*) || ' '
                || count(*) filter (where status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')) || ' '
                || count(*) filter (where status = 'DELIVERED') || ' '
                || count(*) filter (where status = 'DELIVERED' and read_at is not null) || ' '
                || count(*) filter (where status in ('FAILED', 'UNDELIVERED')) || ' '
                || count(*) filter (where step < last_step) || ' '
                || count(*) filter (where status = 'CANCELED') || ' '
                || count(*) filter (where status in ('QUEUED', 'CLAIMED', 'SENDING')) || ' '
                || count(*) filter (where status = 'DELIVERED' and step = won_step) || ' '
                || coalesce(round(percentile_cont(0.5) within group (order by delivery_ms)
                       filter (where status = 'DELIVERED' and delivery_ms is not null))::text, '-') || ' '
                || coalesce(round(percentile_cont(0.9) within group (order by delivery_ms)
                       filter (where status = 'DELIVERED' and delivery_ms is not null))::text, '-') || ' '
                || coalesce(round(percentile_cont(0.5) within group (order by chain_ms)
                       filter (where chain_ms is not null))::text, '-') || ' '
                || coalesce(round(percentile_cont(0.9) within group (order by chain_ms)
                       filter (where chain_ms is not null))::text, '-')
            from s group by step, channel
            union all
            select 'stepcost ' || (coalesce(chain_step, 0) + 1) || ' ' || channel || ' '
                    || date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC') || ' '
                    || case when price is not null then coalesce(price_unit, 'USD')
                            when estimated_cost is not null then coalesce(cost_currency, 'USD') else '' end || ' '
                    || case when price is not null then 'PROVIDER' when estimated_cost is not null then 'ESTIMATE'
                            else 'NONE' end,
                count(*) || ' ' || coalesce(sum(coalesce(price, estimated_cost)), 0)
            from m where provider_sid is not null and (price is not null or status <> 'FAILED')
            group by 1
            union all
            select 'cascade BASELINE ' || hour || ' ' || currency, count(*) || ' ' || sum(sms_only_cost)
            from roots group by hour, currency
            union all
            select 'cascade ACTUAL ' || r.hour || ' ' || case when x.price is not null then coalesce(x.price_unit, 'USD')
                    else coalesce(x.cost_currency, 'USD') end,
                count(distinct r.id) || ' ' || sum(coalesce(x.price, x.estimated_cost))
            from roots r join m x on coalesce(x.chain_root_id, x.id) = r.id
            where x.provider_sid is not null
              and (x.price is not null or (x.estimated_cost is not null and x.status <> 'FAILED'))
            group by 1""";

    private static final String KEPT = """
            select 'total ' || variant || ' ' || channel || ' ' || status, messages || ' ' || segments
            from campaign_message_total where campaign_id = :id
            union all
            select 'hour ' || variant || ' ' || hour, sent || ' ' || delivered || ' ' || failed || ' ' || undelivered
            from campaign_message_hour where campaign_id = :id
            union all
            select 'cost ' || variant || ' ' || channel || ' ' || hour || ' ' || currency || ' ' || source,
                messages || ' ' || amount
            from campaign_message_cost where campaign_id = :id
            union all
            select 'step ' || step || ' ' || channel, messages || ' ' || sent || ' ' || delivered || ' ' || read || ' '
                || failed || ' ' || handed_on || ' ' || withdrawn || ' ' || pending || ' ' || won || ' '
                || coalesce(delivery_p50_ms::text, '-') || ' ' || coalesce(delivery_p90_ms::text, '-') || ' '
                || coalesce(chain_p50_ms::text, '-') || ' ' || coalesce(chain_p90_ms::text, '-')
            from campaign_message_step where campaign_id = :id
            union all
            select 'stepcost ' || step || ' ' || channel || ' ' || hour || ' ' || currency || ' ' || source,
                messages || ' ' || amount
            from campaign_message_step_cost where campaign_id = :id
            union all
            select 'cascade ' || kind || ' ' || hour || ' ' || currency, chains || ' ' || amount
            from campaign_cascade_cost where campaign_id = :id""";

    private static final AtomicLong CHAINS = new AtomicLong();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    BlockRollups rollups;

    @Autowired
    MessageRollups messageRollups;

    @Autowired
    MessageGateway gateway;

    @Test
    void messagesSentThroughTheGatewayAreRolledUpAsTheWholeCampaignSaysWhileTwoInstancesRollUp() throws Exception {
        long campaign = org.smscampaign.messaging.Fixtures.campaign();
        List<MessageRequest> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            requests.add(sms("fast", number(), campaign));
        }
        AtomicBoolean rolling = new AtomicBoolean(true);
        List<Thread> instances = rollingUp(rolling);
        this.gateway.enqueue(requests);
        await(Duration.ofSeconds(60), "300 messages delivered",
                () -> this.jdbc
                    .sql("select count(*) from outbound_message where campaign_id = :id and status = 'DELIVERED'")
                    .param("id", campaign)
                    .query(Long.class)
                    .single() == 300);
        stop(rolling, instances);

        assertThat(rows(KEPT, campaign)).isEqualTo(rows(WHOLE, campaign));
        Map<String, String> kept = rows(KEPT, campaign);
        this.messageRollups.refresh(campaign);
        assertThat(rows(KEPT, campaign)).as("a full recompute finds the same").isEqualTo(kept);
    }

    @Test
    void chainsWrittenAtOnceAreRolledUpAsTheWholeCampaignSaysWhileTwoInstancesRollUp() throws Exception {
        long campaign = org.smscampaign.messaging.Fixtures.campaign();
        long chain = this.jdbc.sql("insert into message_chain (steps) values ('[]') returning id")
            .query(Long.class)
            .single();
        AtomicBoolean rolling = new AtomicBoolean(true);
        List<Thread> instances = rollingUp(rolling);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                chainStep(campaign, chain);
            }
        }, "chains");
        writer.start();
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        writing.set(false);
        writer.join(30_000);
        stop(rolling, instances);

        assertThat(this.jdbc
            .sql("select count(*) from message_event e join outbound_message m on m.id = e.message_id "
                    + "where m.campaign_id = :id")
            .param("id", campaign)
            .query(Long.class)
            .single()).as("events written while rolling up").isGreaterThan(20);
        Map<String, String> kept = rows(KEPT, campaign);
        assertThat(kept).isEqualTo(rows(WHOLE, campaign));
        this.messageRollups.refresh(campaign);
        assertThat(rows(KEPT, campaign)).as("a full recompute finds the same").isEqualTo(kept);
    }

    /**
     * One step of the life of a chain, as the gateway writes it: a new chain (WhatsApp
     * first, an SMS baseline), or a chain's next event (sent, delivered or failed with
     * the next step queued, read, priced), each with its history row.
     */
    private void chainStep(long campaign, long chain) {
        this.transaction.executeWithoutResult((status) -> {
            if (CHAINS.get() < 20 || ThreadLocalRandom.current().nextInt(4) == 0) {
                CHAINS.incrementAndGet();
                this.jdbc
                    .sql("""
                            insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender,
                                to_number, body, segments, status, due_at, estimated_cost, cost_currency, chain_id,
                                chain_step, sms_only_cost)
                            values ('chain-' || gen_random_uuid(), :campaign, 1, 'A', 'WHATSAPP', 'whatsapp', '+4917000000',
                                'Hi', 1, 'QUEUED', now(), 0.02, 'USD', :chain, 0, 0.08)""")
                    .param("campaign", campaign)
                    .param("chain", chain)
                    .update();
                return;
            }
            Long id = this.jdbc.sql("""
                    select id from outbound_message where campaign_id = :campaign and status <> 'DELIVERED'
                      and status <> 'FAILED' order by random() limit 1 for update skip locked""")
                .param("campaign", campaign)
                .query(Long.class)
                .optional()
                .orElse(null);
            if (id == null) {
                return;
            }
            int roll = ThreadLocalRandom.current().nextInt(10);
            String next = (roll < 7) ? "DELIVERED" : "FAILED";
            this.jdbc.sql("""
                    update outbound_message set status = case when status = 'QUEUED' then 'SENT' else :next end,
                        provider_sid = coalesce(provider_sid, 'SM' || id),
                        sending_at = coalesce(sending_at, now() - random() * interval '9 seconds'),
                        sent_at = coalesce(sent_at, now()),
                        final_at = case when status = 'QUEUED' then null else now() end,
                        chain_advanced = (status <> 'QUEUED' and :next = 'FAILED' and chain_step = 0)
                    where id = :id""").param("next", next).param("id", id).update();
            this.jdbc.sql("""
                    insert into message_event (message_id, status, source)
                    select id, status, 'PROVIDER' from outbound_message where id = :id""").param("id", id).update();
            this.jdbc.sql("""
                    insert into outbound_message (idempotency_key, campaign_id, contact_id, variant, channel, sender,
                        to_number, body, segments, status, due_at, estimated_cost, cost_currency, chain_id, chain_step,
                        chain_root_id)
                    select idempotency_key || '#1', campaign_id, 1, 'A', 'SMS', 'default', to_number, body, 1, 'QUEUED',
                        now(), 0.08, 'USD', chain_id, 1, id
                    from outbound_message where id = :id and chain_advanced""").param("id", id).update();
            if (roll == 0) {
                this.jdbc.sql("""
                        update outbound_message set price = 0.019, price_unit = 'USD',
                            txid = pg_current_xact_id()::text::bigint
                        where id = :id and provider_sid is not null""").param("id", id).update();
            }
            if (roll == 1) {
                this.jdbc.sql("update outbound_message set read_at = now() where id = :id and status = 'DELIVERED'")
                    .param("id", id)
                    .update();
                this.jdbc
                    .sql("insert into message_event (message_id, status, detail, source) values (:id, 'DELIVERED', "
                            + "'read by the recipient', 'PROVIDER')")
                    .param("id", id)
                    .update();
            }
        });
    }

    private List<Thread> rollingUp(AtomicBoolean rolling) {
        List<Thread> instances = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            Thread thread = new Thread(() -> {
                while (rolling.get()) {
                    this.rollups.catchUp(MessageRollups.NAME);
                }
            }, "rollup-" + instance);
            thread.start();
            instances.add(thread);
        }
        return instances;
    }

    private void stop(AtomicBoolean rolling, List<Thread> instances) throws InterruptedException {
        rolling.set(false);
        for (Thread thread : instances) {
            thread.join(60_000);
        }
        this.rollups.catchUp(MessageRollups.NAME);
    }

    private Map<String, String> rows(String sql, long campaign) {
        Map<String, String> rows = new TreeMap<>();
        this.jdbc.sql(sql).param("id", campaign).query((row, n) -> rows.put(row.getString(1), row.getString(2))).list();
        return rows;
    }

}
