package org.smscampaign.messaging.rollup;

import java.util.List;

import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.platform.BlockRollup;
import org.smscampaign.platform.BlockRollups;
import org.smscampaign.platform.RolledTable;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code campaign_message_total}, {@code campaign_message_hour},
 * {@code campaign_message_cost} and the figures of cascade steps by blocks of a
 * campaign's chains ({@link BlockRollup}): a chain is one recipient's messages (its root:
 * the first), and every figure depends on one chain's messages only, so a block of chain
 * roots holds whole chains and its contribution is exact. A message's history rows carry
 * the transaction that wrote them, and so does the message for what leaves no history
 * (its enqueueing, a price stated later): a run computes again only the blocks they
 * touched. Delivery and chain times are kept per value, so their percentiles are exact
 * too.
 */
@Component
public class MessageRollups implements BlockRollup {

    static final String NAME = "messages";

    /** Chains per block: a block's messages are read by their keys in milliseconds. */
    private static final int BLOCK = 4096;

    /** The campaign's messages whose chain starts in the block. */
    private static final String MESSAGES = """
            with m as (
                select * from outbound_message
                where campaign_id = :campaign and (id between :first and :last or chain_root_id between :first and :last)
                  and coalesce(chain_root_id, id) between :first and :last)
            """;

    /**
     * The block's chains: where each message stands in its chain. A step was handed on
     * when a later step of its chain exists; the winning step is the chain's last
     * delivered one; its chain time runs from the first step's sending. From a window
     * over the messages, not a join with the grouped chains (planned as a nested loop
     * without statistics on new rows, that join once ran for minutes).
     */
    private static final String CHAINS = MESSAGES + """
            , s as (
                select id, coalesce(chain_root_id, id) as root, coalesce(chain_step, 0) + 1 as step, channel, status,
                    read_at, sending_at, final_at,
                    cast(extract(epoch from final_at - sending_at) * 1000 as numeric(15, 3)) as delivery_ms
                from m),
            chains as (
                select s.*, max(step) over chain as last_step,
                    max(step) filter (where status = 'DELIVERED') over chain as won_step,
                    max(sending_at) filter (where id = root) over chain as started_at
                from s window chain as (partition by root)),
            c as (
                select chains.*, case when status = 'DELIVERED' and step = won_step
                        then cast(extract(epoch from final_at - started_at) * 1000 as numeric(15, 3)) end as chain_ms
                from chains)
            """;

    /** Percentiles as percentile_cont computes them, from the counts per value. */
    private static final String PERCENTILES = """
            with v as (
                select step, channel, kind, ms, messages,
                    sum(messages) over (partition by step, channel, kind order by ms) - messages as before,
                    sum(messages) over (partition by step, channel, kind) as n
                from campaign_message_latency where campaign_id = :id),
            p as (
                select k.step, k.channel, k.kind, q.q, q.q * (k.n - 1) as pos
                from (select distinct step, channel, kind, n from v) as k cross join (values (0.5), (0.9)) as q(q)),
            r as (
                select p.*,
                    (select ms from v where v.step = p.step and v.channel = p.channel and v.kind = p.kind
                       and v.before <= floor(p.pos) and floor(p.pos) < v.before + v.messages) as lo,
                    (select ms from v where v.step = p.step and v.channel = p.channel and v.kind = p.kind
                       and v.before <= ceil(p.pos) and ceil(p.pos) < v.before + v.messages) as hi
                from p),
            t as (
                select step, channel,
                    max(round(lo + (pos - floor(pos)) * (hi - lo))) filter (where kind = 'DELIVERY' and q = 0.5) as d50,
                    max(round(lo + (pos - floor(pos)) * (hi - lo))) filter (where kind = 'DELIVERY' and q = 0.9) as d90,
                    max(round(lo + (pos - floor(pos)) * (hi - lo))) filter (where kind = 'CHAIN' and q = 0.5) as c50,
                    max(round(lo + (pos - floor(pos)) * (hi - lo))) filter (where kind = 'CHAIN' and q = 0.9) as c90
                from r group by step, channel)
            update campaign_message_step s
            set delivery_p50_ms = t.d50, delivery_p90_ms = t.d90, chain_p50_ms = t.c50, chain_p90_ms = t.c90
            from campaign_message_step x left join t on t.step = x.step and t.channel = x.channel
            where x.campaign_id = :id and s.campaign_id = x.campaign_id and s.step = x.step and s.channel = x.channel""";

    /** What the provider took costs its stated price, else the table's estimate. */
    private static final String PRICED = """
                case when price is not null then coalesce(price_unit, :currency)
                     when estimated_cost is not null then coalesce(cost_currency, :currency) else '' end,
                case when price is not null then 'PROVIDER' when estimated_cost is not null then 'ESTIMATE'
                     else 'NONE' end,
                count(*), coalesce(sum(coalesce(price, estimated_cost)), 0)
            """;

    private final BlockRollups rollups;

    /** The price table's currency: that of estimates queued before they named theirs. */
    private final String currency;

    MessageRollups(@Lazy BlockRollups rollups, MessagingProperties properties) {
        this.rollups = rollups;
        this.currency = properties.pricing().currency().replace("'", "");
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
                select m.campaign_id, coalesce(m.chain_root_id, m.id) / :size as block
                from message_event e join outbound_message m on m.id = e.message_id
                where e.txid >= :from and e.txid < :to""", """
                select campaign_id, coalesce(chain_root_id, id) / :size as block
                from outbound_message where txid >= :from and txid < :to""");
    }

    @Override
    public String blocksOfCampaign() {
        return "select distinct coalesce(chain_root_id, id) / :size from outbound_message where campaign_id = :campaign";
    }

    @Override
    public List<RolledTable> tables() {
        String priced = PRICED.replace(":currency", "'" + this.currency + "'");
        return List.of(
                new RolledTable("campaign_message_total", "campaign_message_total_block",
                        List.of("variant", "channel", "status"), List.of("messages", "segments"), MESSAGES + """
                                select coalesce(variant, ''), channel, status, count(*), sum(segments) from m
                                group by 1, 2, 3"""),
                // Each count by the hour of its event, with the dashboard's status sets:
                // sent when the provider took it, the final status when it was reached.
                new RolledTable("campaign_message_hour", "campaign_message_hour_block", List.of("variant", "hour"),
                        List.of("sent", "delivered", "failed", "undelivered"),
                        MESSAGES + """
                                select variant, hour, sum(sent), sum(delivered), sum(failed), sum(undelivered)
                                from (
                                    select coalesce(m.variant, '') as variant, e.hour, e.sent, e.delivered, e.failed,
                                        e.undelivered
                                    from m cross join lateral (values
                                        (date_trunc('hour', coalesce(m.sent_at, m.final_at, m.created_at), 'UTC'),
                                            (m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED'))::int, 0, 0, 0),
                                        (date_trunc('hour', coalesce(m.final_at, m.sent_at, m.created_at), 'UTC'), 0,
                                            (m.status = 'DELIVERED')::int, (m.status = 'FAILED')::int,
                                            (m.status = 'UNDELIVERED')::int)) as e(hour, sent, delivered, failed, undelivered)
                                    where m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')
                                      and e.sent + e.delivered + e.failed + e.undelivered > 0
                                ) as events
                                group by variant, hour"""),
                // In their own currencies (the reports convert them at the rate of the
                // day); a failed message costs only what the provider stated.
                new RolledTable("campaign_message_cost", "campaign_message_cost_block",
                        List.of("variant", "channel", "hour", "currency", "source"), List.of("messages", "amount"),
                        MESSAGES + """
                                select coalesce(variant, ''), channel, date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC'),
                                """
                                + priced
                                + """
                                        from m where provider_sid is not null and (price is not null or status <> 'FAILED')
                                        group by 1, 2, 3, 4, 5"""),
                new RolledTable("campaign_message_step", "campaign_message_step_block", List.of("step", "channel"),
                        List.of("messages", "sent", "delivered", "read", "failed", "handed_on", "withdrawn", "pending",
                                "won"),
                        CHAINS + """
                                select step, channel, count(*),
                                    count(*) filter (where status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')),
                                    count(*) filter (where status = 'DELIVERED'),
                                    count(*) filter (where status = 'DELIVERED' and read_at is not null),
                                    count(*) filter (where status in ('FAILED', 'UNDELIVERED')),
                                    count(*) filter (where step < last_step),
                                    count(*) filter (where status = 'CANCELED'),
                                    count(*) filter (where status in ('QUEUED', 'CLAIMED', 'SENDING')),
                                    count(*) filter (where status = 'DELIVERED' and step = won_step)
                                from c group by step, channel"""),
                new RolledTable("campaign_message_latency", "campaign_message_latency_block",
                        List.of("step", "channel", "kind", "ms"), List.of("messages"),
                        CHAINS + """
                                select step, channel, 'DELIVERY', delivery_ms, count(*) from c
                                where status = 'DELIVERED' and delivery_ms is not null group by step, channel, delivery_ms
                                union all
                                select step, channel, 'CHAIN', chain_ms, count(*) from c
                                where chain_ms is not null group by step, channel, chain_ms"""),
                new RolledTable("campaign_message_step_cost", "campaign_message_step_cost_block",
                        List.of("step", "channel", "hour", "currency", "source"), List.of("messages", "amount"),
                        MESSAGES + """
                                select coalesce(chain_step, 0) + 1, channel,
                                    date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC'),
                                """ + priced + """
                                from m where provider_sid is not null and (price is not null or status <> 'FAILED')
                                group by 1, 2, 3, 4, 5"""),
                // Cascades that went out: the first message reached the provider or was
                // handed on. Both sides by the hour of the first message, so a chain's
                // cost
                // stays with its baseline; chains without an SMS price are left out of
                // both.
                new RolledTable("campaign_cascade_cost", "campaign_cascade_cost_block",
                        List.of("kind", "hour", "currency"), List.of("chains", "amount"),
                        MESSAGES + """
                                , roots as (
                                    select id, sms_only_cost, coalesce(cost_currency, '%1$s') as currency,
                                        date_trunc('hour', coalesce(sent_at, final_at, sending_at, created_at), 'UTC') as hour
                                    from m
                                    where chain_id is not null and chain_root_id is null and sms_only_cost is not null
                                      and (provider_sid is not null or chain_advanced))
                                select 'BASELINE', hour, currency, count(*), sum(sms_only_cost) from roots
                                group by hour, currency
                                union all
                                select 'ACTUAL', r.hour,
                                    case when x.price is not null then coalesce(x.price_unit, '%1$s')
                                         else coalesce(x.cost_currency, '%1$s') end,
                                    count(distinct r.id), sum(coalesce(x.price, x.estimated_cost))
                                from roots r join m x on coalesce(x.chain_root_id, x.id) = r.id
                                where x.provider_sid is not null
                                  and (x.price is not null or (x.estimated_cost is not null and x.status <> 'FAILED'))
                                group by 2, 3"""
                            .formatted(this.currency)));
    }

    /**
     * The steps' percentiles from the counts per value, and the campaign's state: when
     * its figures were brought up to date and how many of its messages are still open.
     */
    @Override
    public void afterBlocks(JdbcClient jdbc, long campaignId) {
        jdbc.sql(PERCENTILES).param("id", campaignId).update();
        jdbc.sql("""
                insert into message_rollup_state (campaign_id, refreshed_at, open_messages)
                values (:id, now(), (select coalesce(sum(messages), 0) from campaign_message_total
                                     where campaign_id = :id
                                       and status in ('QUEUED', 'CLAIMED', 'SENDING', 'ACCEPTED', 'SENT', 'UNKNOWN')))
                on conflict (campaign_id) do update
                    set refreshed_at = excluded.refreshed_at, open_messages = excluded.open_messages, dirty = false""")
            .param("id", campaignId)
            .update();
    }

}
