-- One cost model (issue 15): every message is priced by the price table for its channel and
-- destination country when it is queued (estimated_cost, in cost_currency), and by the price the
-- provider states for it once it went out (price, price_unit: asked for after the final status,
-- since Twilio's status callbacks carry none). Costs are rolled up per currency and hour, and
-- converted to the reporting currency at the rate of their day by the reports.

-- The currency of estimated_cost; null on messages queued before: the price table's currency.
alter table outbound_message add column cost_currency char(3);
-- Asking the provider for the price: how often it was asked, and not again before when.
alter table outbound_message add column price_checks smallint not null default 0;
alter table outbound_message add column price_next_at timestamptz;
-- Messages the provider took whose price it has not stated yet, by when they became final.
create index outbound_message_unpriced_idx on outbound_message (final_at)
    where price is null and provider_sid is not null and final_at is not null;

-- The simulator prices what it sends, as a provider does, and tells when asked.
alter table simulator_message add column price numeric(10, 5);
alter table simulator_message add column price_unit char(3);

-- Message cost per variant, channel, hour the provider took the messages, currency and source
-- of the price: PROVIDER (the provider's own price), ESTIMATE (the price table's) or NONE (no
-- price at all: amount 0, currency ''). Failed messages cost only what the provider stated.
create table campaign_message_cost (
    campaign_id bigint not null,
    variant     varchar(32) not null,
    channel     varchar(16) not null,
    hour        timestamptz not null,
    currency    varchar(3) not null,
    source      varchar(8) not null check (source in ('PROVIDER', 'ESTIMATE', 'NONE')),
    messages    bigint not null,
    amount      numeric(16, 5) not null,
    primary key (campaign_id, variant, channel, hour, currency, source)
);
create index campaign_message_cost_hour_idx on campaign_message_cost (hour);

-- Costs are no longer summed across currencies here.
alter table campaign_message_total drop column cost;
alter table campaign_message_hour drop column cost;
-- The period report counts as the dashboard does: failed (refused, FAILED) apart from undelivered.
alter table campaign_message_hour add column undelivered bigint not null default 0;
create index campaign_message_hour_hour_idx on campaign_message_hour (hour);

-- Recompute the hours by the new definitions and fill the costs, once, for existing campaigns.
delete from campaign_message_hour;
insert into campaign_message_hour (campaign_id, variant, hour, sent, delivered, failed, undelivered)
select campaign_id, variant, hour, sum(sent), sum(delivered), sum(failed), sum(undelivered)
from (
    select m.campaign_id, coalesce(m.variant, '') as variant, e.hour, e.sent, e.delivered, e.failed, e.undelivered
    from outbound_message m
    cross join lateral (values
        (date_trunc('hour', coalesce(m.sent_at, m.final_at, m.created_at), 'UTC'),
            (m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED'))::int, 0, 0, 0),
        (date_trunc('hour', coalesce(m.final_at, m.sent_at, m.created_at), 'UTC'), 0, (m.status = 'DELIVERED')::int,
            (m.status = 'FAILED')::int, (m.status = 'UNDELIVERED')::int)) as e(hour, sent, delivered, failed, undelivered)
    where m.campaign_id is not null and m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')
      and e.sent + e.delivered + e.failed + e.undelivered > 0
) as events
group by campaign_id, variant, hour;

insert into campaign_message_cost (campaign_id, variant, channel, hour, currency, source, messages, amount)
select campaign_id, coalesce(variant, ''), channel, date_trunc('hour', coalesce(sent_at, final_at, created_at), 'UTC'),
    case when price is not null then coalesce(price_unit, 'USD') when estimated_cost is not null then 'USD' else '' end,
    case when price is not null then 'PROVIDER' when estimated_cost is not null then 'ESTIMATE' else 'NONE' end,
    count(*), coalesce(sum(coalesce(price, estimated_cost)), 0)
from outbound_message
where campaign_id is not null and provider_sid is not null and (price is not null or status <> 'FAILED')
group by 1, 2, 3, 4, 5, 6;
