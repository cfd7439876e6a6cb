package org.smscampaign.messaging.dispatch;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.pricing.PriceTable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves cascades on: a step that failed, or was not delivered (or read, where the step
 * counts reading) within its timeout, hands the message to the next channel of its chain
 * the number is not known to be unreachable on (that step's own text and template, the
 * step's sender, priced by the price table for that channel). A recipient who opted out
 * meanwhile gets nothing more; a delivered step withdraws the later ones (see
 * {@link StatusEvents}), and the sweep withdraws those a crash left waiting after their
 * delivery was stored.
 */
@Component
class CascadeAdvancer {

    private static final Logger log = LoggerFactory.getLogger(CascadeAdvancer.class);

    private static final int BATCH = 500;

    private static final int ROUNDS = 40;

    private final JdbcClient jdbc;

    private final boolean enabled;

    private final PriceTable prices;

    private final MessagingProperties properties;

    private final TransactionTemplate transaction;

    private final MessageStore store;

    private final StatusEvents statusEvents;

    CascadeAdvancer(JdbcClient jdbc, @Value("${sms.messaging.dispatch.enabled:true}") boolean enabled,
            PriceTable prices, MessagingProperties properties, TransactionTemplate transaction, MessageStore store,
            StatusEvents statusEvents) {
        this.store = store;
        this.statusEvents = statusEvents;
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.prices = prices;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** A next step just queued, to be priced. */
    private record NextStep(long id, Channel channel, String sender, String to, int segments) {

    }

    @Scheduled(fixedDelayString = "${sms.messaging.dispatch.sweep-interval:5s}")
    void sweep() {
        if (this.enabled) {
            withdrawOutdone();
            advance();
        }
    }

    /**
     * Withdraws the waiting steps of cascades an earlier step delivered (a crash came
     * between the delivery and the withdrawal); idempotent, and one indexed look at the
     * waiting later steps when there is none.
     */
    int withdrawOutdone() {
        int total = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Transition> withdrawn = this.store.cancelOutdoneSteps(BATCH);
            this.statusEvents.publish(withdrawn);
            total += withdrawn.size();
            if (withdrawn.size() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.warn("Cascade: {} steps withdrawn that an earlier delivered step had outdone", total);
        }
        return total;
    }

    /**
     * Hands over in batches of {@value #BATCH} (one short transaction each) until none is
     * left or {@value #ROUNDS} batches went: a big cascade's failures move on within a
     * sweep or two, not at one batch per sweep.
     */
    void advance() {
        int total = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Integer handedOver = this.transaction.execute((status) -> {
                List<NextStep> next = handOver();
                price(next);
                return next.size();
            });
            int count = (handedOver != null) ? handedOver : 0;
            total += count;
            if (count < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Cascade: {} messages handed to their next channel", total);
        }
    }

    private List<NextStep> handOver() {
        // A step hands over when it failed, when it was not delivered within its timeout,
        // or, where the step counts reading, when it was not read within it. The next
        // step
        // is the next one on a channel the number is not known to be unreachable on; it
        // sends that step's own text (step_texts), else the same body.
        return this.jdbc
            .sql("""
                    with due as (
                        select m.id from outbound_message m join message_chain c on c.id = m.chain_id
                        where m.chain_id is not null and not m.chain_advanced
                          and m.chain_step + 1 < jsonb_array_length(c.steps)
                          and (m.status in ('FAILED', 'UNDELIVERED')
                               or ((m.status in ('SENDING', 'UNKNOWN', 'ACCEPTED', 'SENT')
                                    or (m.status = 'DELIVERED' and m.read_at is null
                                        and c.steps -> m.chain_step ->> 'deliveredWhen' = 'READ'))
                                   and m.sending_at < now() - (c.steps -> m.chain_step ->> 'timeoutSeconds')::int
                                       * interval '1 second'))
                        limit %d
                        for update of m skip locked),
                    advanced as (
                        update outbound_message m set chain_advanced = true from due where m.id = due.id
                        returning m.*),
                    logged as (
                        insert into message_event (message_id, status, detail, source)
                        select id, status, case when status = 'DELIVERED' then 'not read in time: handed to the next channel'
                            else 'not delivered in time: handed to the next channel' end, 'GATEWAY' from advanced),
                    candidate as (
                        select nextval(pg_get_serial_sequence('outbound_message', 'id')) as id,
                            a.idempotency_key || '#' || s.step_no as key, a.campaign_id, a.contact_id, a.variant,
                            s.step ->> 'channel', s.step ->> 'sender', a.to_number,
                            coalesce(a.step_texts -> s.step_no ->> 'body', a.body),
                            coalesce((a.step_texts -> s.step_no ->> 'segments')::int, a.segments), 'QUEUED', now(),
                            a.window_zone, a.window_start, a.window_end, a.window_days, a.window_policy,
                            cast(null as numeric), a.chain_id, s.step_no, coalesce(a.chain_root_id, a.id),
                            a.step_texts -> s.step_no ->> 'contentSid', a.step_texts -> s.step_no ->> 'contentVariables',
                            a.step_texts
                        from advanced a join message_chain c on c.id = a.chain_id
                            cross join lateral (
                                select (k.n - 1)::int as step_no, k.step
                                from jsonb_array_elements(c.steps) with ordinality as k(step, n)
                                where k.n - 1 > a.chain_step
                                  and not exists (select 1 from channel_reachability r
                                                  where r.phone = a.to_number and r.channel = k.step ->> 'channel'
                                                    and r.skip_until > now())
                                order by k.n limit 1) s
                        where not exists (select 1 from suppression x where x.phone = a.to_number)),
                    keyed as (
                        insert into outbound_message_key (idempotency_key, message_id)
                        select key, id from candidate on conflict do nothing returning message_id),
                    next as (
                        insert into outbound_message (id, idempotency_key, campaign_id, contact_id, variant, channel,
                            sender, to_number, body, segments, status, due_at, window_zone, window_start, window_end,
                            window_days, window_policy, estimated_cost, chain_id, chain_step, chain_root_id, content_sid,
                            content_variables, step_texts)
                        select c.* from candidate c join keyed k on k.message_id = c.id
                        returning id, channel, sender, to_number, segments)
                    select * from next"""
                .formatted(BATCH))
            .query((row, n) -> new NextStep(row.getLong("id"), Channel.valueOf(row.getString("channel")),
                    row.getString("sender"), row.getString("to_number"), row.getInt("segments")))
            .list();
    }

    /** Prices the new steps by the table, as every queued message is priced. */
    private void price(List<NextStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        Long[] ids = new Long[steps.size()];
        BigDecimal[] costs = new BigDecimal[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            NextStep step = steps.get(i);
            ids[i] = step.id();
            costs[i] = this.prices.quote(step.channel(), step.to(), this.properties.senders().get(step.sender()))
                .costOf(step.channel().billedUnits(step.segments()));
        }
        this.jdbc.sql("""
                update outbound_message m set estimated_cost = p.cost, cost_currency = :currency
                from unnest(cast(:ids as bigint[]), cast(:costs as numeric[])) as p(id, cost)
                where m.id = p.id and p.cost is not null""")
            .param("ids", ids)
            .param("costs", costs)
            .param("currency", this.prices.currency())
            .update();
    }

}
