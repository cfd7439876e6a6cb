package org.smscampaign.web.demo;

import java.time.LocalDate;

import org.smscampaign.messaging.MessagingProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk statements behind {@link DemoHistory}: one past campaign's recipients drawn
 * from the reachable contacts, then its messages, links, deliveries, hits, orders,
 * replies and opt-outs derived from them in a handful of set-based statements (a few
 * thousand rows in tens of milliseconds). Run in one transaction: the temporary tables go
 * with it.
 */
final class DemoHistorySql {

    /**
     * Who got the campaign and what happened to each message; the random draws decide
     * status, channel, taps, orders and replies.
     */
    private static final String RECIPIENTS = """
            create temp table demo_recipient on commit drop as
            select r.*, coalesce(r.sms_sent_at, r.sent_at) + (3 + r.r_delay * 40) * interval '1 second' as final_at,
                -- Priced by the platform's own price table, by channel and country.
                (select p.price from demo_price p where p.channel = 'SMS' and p.country in (r.country, '*')
                 order by p.country = '*' limit 1) as sms_price,
                (select p.price from demo_price p where p.channel = 'WHATSAPP' and p.country in (r.country, '*')
                 order by p.country = '*' limit 1) as whatsapp_price,
                r.on_whatsapp or r.r_status >= 0.06 as delivered
            from (
                select c.*, c.cascade and c.r_channel < :whatsApp as on_whatsapp,
                    c.cascade and c.r_channel >= :whatsApp as fell_back,
                    c.sent_at + (2 + c.r_delay * 10) * interval '1 second' as whatsapp_final_at,
                    case when c.cascade and c.r_channel >= :whatsApp
                        then c.sent_at + (3 + c.r_delay * 10) * interval '1 second' end as sms_sent_at,
                    case when c.cascade and c.r_channel >= :whatsApp
                        then nextval(pg_get_serial_sequence('outbound_message', 'id')) end as sms_message_id
                from (
                    select c.id as contact_id, c.phone_number, c.time_zone, coalesce(c.country, '') as country,
                        nextval(pg_get_serial_sequence('outbound_message', 'id')) as message_id,
                        nextval(pg_get_serial_sequence('short_link', 'id')) as link_id,
                        ((cast(:day as date) + make_interval(hours => :hour)) at time zone c.time_zone)
                            + random() * interval '110 minutes' as sent_at,
                        coalesce(c.first_name, 'Hi') as first_name,
                        random() as r_status, random() as r_click, random() as r_bot, random() as r_convert,
                        random() as r_reply, random() as r_read, random() as r_delay,
                        -- Whether a number is on WhatsApp does not change from campaign to campaign.
                        (abs(hashtext(c.phone_number)) % 1000) / 1000.0 as r_channel,
                        -- Cascades start on WhatsApp for those who opted in to it, unless an
                        -- earlier campaign learned the number is not on WhatsApp.
                        :whatsApp > 0 and c.whatsapp_consent = 'OPTED_IN' and not exists (
                            select 1 from channel_reachability x where x.phone = c.phone_number
                              and x.channel = 'WHATSAPP' and x.skip_until > cast(:day as date)) as cascade
                    from contact c
                    where c.erased_at is null and c.consent_status = 'SUBSCRIBED' and c.phone_type <> 'FIXED_LINE'
                      and c.phone_number is not null and random() < :share
                ) as c
            ) as r""";

    /**
     * A cascade campaign's chain: WhatsApp first, SMS when not delivered within an hour.
     */
    private static final String CHAIN = """
            insert into message_chain (steps, created_at) values (cast(:steps as jsonb), cast(:day as date) - 1)
            returning id""";

    static final String CHAIN_STEPS = "[{\"channel\": \"WHATSAPP\", \"sender\": \"whatsapp\", "
            + "\"timeoutSeconds\": 3600, \"deliveredWhen\": \"DELIVERED\"}, {\"channel\": \"SMS\", "
            + "\"sender\": \"default\", \"timeoutSeconds\": 3600, \"deliveredWhen\": \"DELIVERED\"}]";

    /**
     * Each recipient's first message: plain SMS, or a cascade's WhatsApp step (delivered,
     * read by some; or 63003, not on WhatsApp, handed to SMS at once).
     */
    private static final String MESSAGES = """
            insert into outbound_message (id, idempotency_key, campaign_id, contact_id, variant, channel, sender,
                to_number, body, segments, status, due_at, attempts, provider_sid, error_code, estimated_cost,
                cost_currency, created_at, sending_at, sent_at, final_at, chain_id, chain_step, chain_advanced,
                sms_only_cost, read_at)
            select message_id, 'demo-history:' || message_id, :id, contact_id, 'A',
                case when cascade then 'WHATSAPP' else 'SMS' end, case when cascade then 'whatsapp' else 'default' end,
                phone_number,
                first_name || ', ' || :text || ': ' || :base || 'H' || link_id
                    || case when cascade then '' else ' Reply STOP to opt out' end, 1,
                case when on_whatsapp then 'DELIVERED' when fell_back then 'FAILED'
                     when r_status < 0.025 then 'FAILED' when r_status < 0.06 then 'UNDELIVERED' else 'DELIVERED' end,
                sent_at, 1, 'SMdemo' || message_id,
                case when on_whatsapp then null when fell_back then 63003
                     when r_status < 0.025 then 30006 when r_status < 0.06 then 30003 end,
                case when cascade then whatsapp_price else sms_price end, :currency,
                sent_at - interval '10 minutes', sent_at, sent_at,
                case when fell_back then whatsapp_final_at else final_at end,
                case when cascade then cast(:chain as bigint) end, case when cascade then 0 end, fell_back,
                case when cascade then sms_price end,
                case when on_whatsapp and r_read < 0.6 then final_at + (1 + 90 * r_delay) * interval '1 minute' end
            from demo_recipient""";

    /** The SMS step of those not on WhatsApp, with its own delivery outcome. */
    private static final String SMS_STEPS = """
            insert into outbound_message (id, idempotency_key, campaign_id, contact_id, variant, channel, sender,
                to_number, body, segments, status, due_at, attempts, provider_sid, error_code, estimated_cost,
                cost_currency, created_at, sending_at, sent_at, final_at, chain_id, chain_step, chain_root_id)
            select sms_message_id, 'demo-history:' || message_id || '#1', :id, contact_id, 'A', 'SMS', 'default',
                phone_number,
                first_name || ', ' || :text || ': ' || :base || 'H' || link_id || ' Reply STOP to opt out', 1,
                case when r_status < 0.025 then 'FAILED' when r_status < 0.06 then 'UNDELIVERED' else 'DELIVERED' end,
                sms_sent_at, 1, 'SMdemo' || sms_message_id,
                case when r_status < 0.025 then 30006 when r_status < 0.06 then 30003 end, sms_price, :currency,
                whatsapp_final_at, sms_sent_at, sms_sent_at, final_at, cast(:chain as bigint), 1, message_id
            from demo_recipient where fell_back""";

    /** Their keys, where every message's key is claimed (outbound_message_key). */
    private static final String KEYS = """
            insert into outbound_message_key (idempotency_key, message_id, created_at)
            select idempotency_key, id, created_at from outbound_message where campaign_id = :id""";

    /**
     * What the 63003 answers taught: those numbers are skipped on WhatsApp for 30 days.
     */
    private static final String REACHABILITY = """
            insert into channel_reachability (phone, channel, reason, error_code, message_id, learned_at, skip_until)
            select phone_number, 'WHATSAPP', 'NOT_ON_CHANNEL', 63003, message_id, whatsapp_final_at,
                whatsapp_final_at + interval '30 days'
            from demo_recipient where fell_back
            on conflict (phone, channel) do update set reason = excluded.reason, error_code = excluded.error_code,
                message_id = excluded.message_id, learned_at = excluded.learned_at, skip_until = excluded.skip_until
            where channel_reachability.learned_at < excluded.learned_at""";

    private static final String LINKS = """
            insert into short_link (id, code, brand_id, target_url, campaign_id, contact_id, variant, message_id,
                attribution_days, created_by, created_at)
            select link_id, 'H' || link_id, :brand, :target, :id, contact_id, 'A', message_id, 7, 'demo',
                sent_at - interval '10 minutes'
            from demo_recipient""";

    /** The hour of the week in the recipient's zone, as the heat map counts it. */
    private static final String DELIVERIES = """
            insert into link_delivery (message_id, delivered_at, local_slot)
            select message_id, final_at,
                ((extract(isodow from final_at at time zone time_zone) - 1) * 24
                    + extract(hour from final_at at time zone time_zone))::smallint
            from demo_recipient where delivered""";

    /**
     * People tap (some twice), link previews fetch within seconds of delivery, scanners
     * check some links, a few with HEAD.
     */
    private static final String HITS = """
            create temp table demo_hit on commit drop as
            -- Click ids as the redirector makes them (ClickIds): the moment in their high bits.
            select (((extract(epoch from h.occurred_at) * 1000)::bigint - 1767225600000) << 22)
                    + (row_number() over (order by h.occurred_at) * 64 + :id % 64) % 4194304 as id, h.*,
                row_number() over (partition by link_id order by occurred_at) = 1 as first_hit
            from (
                select link_id, contact_id, final_at + (1 + 360 * power(random(), 3)) * interval '1 minute' as occurred_at,
                    true as human, cast(null as varchar) as reason, cast(:phone as varchar) as agent, 'GET' as method
                from demo_recipient where delivered and r_click < :ctr
                union all
                select link_id, contact_id, final_at + (30 + 900 * random()) * interval '1 minute', true, null, :phone,
                    'GET'
                from demo_recipient where delivered and r_click < :ctr * 0.25
                union all
                select link_id, contact_id, final_at + (1 + 3 * random()) * interval '1 second', false, 'PREVIEW',
                    :preview, 'GET'
                from demo_recipient where delivered and r_bot < 0.15
                union all
                select link_id, contact_id, final_at + (5 + 20 * random()) * interval '1 second', false,
                    case when r_bot < 0.17 then 'HEAD_REQUEST' else 'BOT' end, :scanner,
                    case when r_bot < 0.17 then 'HEAD' else 'GET' end
                from demo_recipient where delivered and r_bot >= 0.15 and r_bot < 0.21
            ) as h""";

    private static final String CLICKS = """
            insert into link_click (id, link_id, occurred_at, method, user_agent_id, client, human, reason, first_hit)
            select h.id, h.link_id, h.occurred_at, h.method, a.id, 'demo', h.human, h.reason, h.first_hit
            from demo_hit h left join link_user_agent a on a.agent = h.agent""";

    /** Some people who tapped buy, and the shop reports the order with the click. */
    private static final String ORDERS = """
            insert into conversion (event, value, currency, order_id, occurred_at, received_at, source, click_id,
                link_id, attributed, campaign_id, contact_id, variant)
            select 'purchase', round(cast(:orderValue * (0.4 + 1.2 * random()) as numeric), 2), :currency,
                'demo-' || :id || '-' || f.link_id, o.at, o.at, 'SERVER', f.id, f.link_id, true, :id, f.contact_id, 'A'
            from (select distinct on (link_id) * from demo_hit where human order by link_id, occurred_at) as f
            join demo_recipient r on r.link_id = f.link_id
            cross join lateral (select f.occurred_at + (3 + 90 * random()) * interval '1 minute' as at) as o
            where r.r_convert < :conversion""";

    private static final String REPLIES = """
            insert into inbound_message (provider_sid, from_number, body, kind, classified_kind, kind_reason,
                message_id, campaign_id, contact_id, received_at)
            select 'SMdemoin' || message_id, phone_number, body, kind, kind, reason, message_id, :id, contact_id,
                final_at + (2 + 240 * random()) * interval '1 minute'
            from demo_recipient
            cross join lateral (select
                case when r_reply < 0.007 then 'STOP' when r_reply < 0.011 then 'Do you have it in a size M?'
                     else 'Thanks, just ordered!' end as body,
                case when r_reply < 0.007 then 'OPT_OUT' when r_reply < 0.011 then 'QUERY' else 'OTHER' end as kind,
                case when r_reply < 0.007 then 'opt-out keyword STOP' when r_reply < 0.011 then 'a question mark'
                     else 'no keyword, question or request' end as reason) as t
            where delivered and r_reply < 0.015""";

    private static final String SUPPRESSIONS = """
            insert into suppression (phone, reason, detail, created_at)
            select from_number, 'KEYWORD', 'Replied STOP', received_at from inbound_message
            where campaign_id = :id and kind = 'OPT_OUT'
            on conflict do nothing""";

    /** A STOP ends both consents: SMS, and the WhatsApp opt-in of those who gave one. */
    private static final String OPT_OUTS = """
            with opted as (
                update contact c set consent_status = 'UNSUBSCRIBED', consent_changed_at = i.received_at,
                    whatsapp_consent = case when c.whatsapp_consent = 'OPTED_IN' then 'OPTED_OUT'
                        else c.whatsapp_consent end,
                    whatsapp_consent_at = case when c.whatsapp_consent = 'OPTED_IN' then i.received_at
                        else c.whatsapp_consent_at end
                from inbound_message i where i.campaign_id = :id and i.kind = 'OPT_OUT' and c.id = i.contact_id
                returning c.id, i.received_at, c.whatsapp_consent = 'OPTED_OUT' as whatsapp),
            sms as (
                insert into consent_event (contact_id, status, source, proof, recorded_by, occurred_at)
                select id, 'UNSUBSCRIBED', 'REPLY_KEYWORD', 'Replied STOP', 'sms', received_at from opted)
            insert into consent_event (contact_id, status, source, proof, recorded_by, occurred_at, channel)
            select id, 'UNSUBSCRIBED', 'REPLY_KEYWORD', 'Replied STOP by SMS: a STOP on any channel stops every channel',
                'sms', received_at, 'WHATSAPP' from opted where whatsapp""";

    private static final String RECIPIENT_ROLES = """
            insert into campaign_recipient (campaign_id, contact_id, role)
            select :id, contact_id, 'SENT' from demo_recipient on conflict do nothing""";

    private static final String CAMPAIGN = """
            update campaign set status = 'COMPLETED', schedule_type = 'LOCAL_TIME', local_date = cast(:day as date),
                local_time = make_time(:hour, 0, 0), created_at = m.first - interval '3 days', updated_at = m.last,
                launch_key = 'demo-history-' || campaign.id, launched_by = 'demo-marketer',
                launched_at = m.first - interval '20 hours', launch_finished_at = m.first - interval '20 hours',
                first_due_at = m.first, audience_count = m.n, queued_count = m.n, finished_at = m.last
            from (select min(sent_at) as first, max(final_at) as last, count(*) as n from demo_recipient) as m
            where campaign.id = :id""";

    private static final String EVENTS = """
            insert into campaign_event (campaign_id, kind, from_status, to_status, detail, by_user, at)
            select :id, 'TRANSITION', 'DRAFT', 'SENDING', null, 'demo-marketer', launched_at from campaign where id = :id
            union all
            select :id, 'TRANSITION', 'SENDING', 'COMPLETED', 'all messages reached a final status', 'system',
                finished_at from campaign where id = :id""";

    private DemoHistorySql() {
    }

    /**
     * The price table as a temporary table, for the rows to be priced as the gateway
     * prices.
     */
    private static void prices(JdbcClient jdbc, MessagingProperties.Pricing pricing) {
        jdbc.sql("create temp table demo_price (channel varchar(16), country varchar(2), price numeric(10, 5)) "
                + "on commit drop")
            .update();
        for (MessagingProperties.Price price : pricing.prices()) {
            jdbc.sql("insert into demo_price values (:channel, :country, :price)")
                .param("channel", price.channel().name())
                .param("country", (price.country() != null) ? price.country() : "*")
                .param("price", price.perSegment())
                .update();
        }
    }

    /** Writes one past campaign's history; returns its number of messages. */
    static long write(JdbcClient jdbc, long campaignId, long seed, DemoHistory.Past past, LocalDate day,
            MessagingProperties.Pricing pricing) {
        jdbc.sql("select setseed(:seed)").param("seed", seed / 100.0).query().singleRow();
        prices(jdbc, pricing);
        jdbc.sql(RECIPIENTS)
            .param("day", day)
            .param("hour", past.hour())
            .param("share", past.share())
            .param("whatsApp", past.whatsApp())
            .update();
        String base = jdbc.sql("select base_url from link_brand where is_default").query(String.class).single();
        long brand = jdbc.sql("select id from link_brand where is_default").query(Long.class).single();
        Long chain = (past.whatsApp() > 0)
                ? jdbc.sql(CHAIN).param("steps", CHAIN_STEPS).param("day", day).query(Long.class).single() : null;
        jdbc.sql(MESSAGES)
            .param("currency", pricing.currency())
            .param("id", campaignId)
            .param("text", past.text())
            .param("base", base)
            .param("chain", chain)
            .update();
        if (chain != null) {
            jdbc.sql(SMS_STEPS)
                .param("currency", pricing.currency())
                .param("id", campaignId)
                .param("text", past.text())
                .param("base", base)
                .param("chain", chain)
                .update();
            jdbc.sql(REACHABILITY).update();
        }
        jdbc.sql(KEYS).param("id", campaignId).update();
        jdbc.sql(LINKS).param("id", campaignId).param("brand", brand).param("target", past.target()).update();
        jdbc.sql(DELIVERIES).update();
        jdbc.sql(HITS)
            .param("id", campaignId)
            .param("ctr", past.ctr())
            .param("phone", DemoHistory.PHONE)
            .param("preview", DemoHistory.PREVIEW)
            .param("scanner", DemoHistory.SCANNER)
            .update();
        jdbc.sql(CLICKS).update();
        jdbc.sql(ORDERS)
            .param("id", campaignId)
            .param("orderValue", past.orderValue())
            .param("currency", past.currency())
            .param("conversion", past.conversion())
            .update();
        jdbc.sql(REPLIES).param("id", campaignId).update();
        jdbc.sql(SUPPRESSIONS).param("id", campaignId).update();
        jdbc.sql(OPT_OUTS).param("id", campaignId).update();
        jdbc.sql(RECIPIENT_ROLES).param("id", campaignId).update();
        jdbc.sql(CAMPAIGN).param("id", campaignId).param("day", day).param("hour", past.hour()).update();
        jdbc.sql(EVENTS).param("id", campaignId).update();
        return jdbc.sql("select count(*) from demo_recipient").query(Long.class).single();
    }

}
