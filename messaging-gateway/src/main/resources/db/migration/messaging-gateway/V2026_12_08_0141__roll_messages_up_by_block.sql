-- Message figures kept by blocks of chains (issue 22, BlockRollup in platform-support): a run
-- adds what changed instead of recomputing a campaign. A message's history rows and, for what
-- leaves none (a new message, a price stated later), the message row carry the id of the
-- transaction that wrote them (txid), found by a high-water mark through BRIN indexes. Rows
-- written before have none: they count through the full recompute of every campaign that this
-- migration asks for.
alter table message_event add column txid bigint;
alter table message_event alter column txid set default pg_current_xact_id()::text::bigint;
create index message_event_txid_idx on message_event using brin (txid) with (autosummarize = on);
alter table outbound_message add column txid bigint;
alter table outbound_message alter column txid set default pg_current_xact_id()::text::bigint;
create index outbound_message_txid_idx on outbound_message using brin (txid) with (autosummarize = on);

-- Delivery and chain times per millisecond value: percentiles read from them are exact, and
-- the counts add up across blocks.
create table campaign_message_latency (
    campaign_id bigint not null,
    step        smallint not null,
    channel     varchar(16) not null,
    kind        varchar(8) not null check (kind in ('DELIVERY', 'CHAIN')),
    ms          numeric(15, 3) not null,   -- to the microsecond, as the timestamps
    messages    bigint not null,
    primary key (campaign_id, step, channel, kind, ms)
);

-- Each block's contribution to the figures: the figures are their sum.
create table campaign_message_total_block (like campaign_message_total);
alter table campaign_message_total_block add column block bigint not null;
alter table campaign_message_total_block add primary key (campaign_id, block, variant, channel, status);
create table campaign_message_hour_block (like campaign_message_hour including defaults);
alter table campaign_message_hour_block add column block bigint not null;
alter table campaign_message_hour_block add primary key (campaign_id, block, variant, hour);
create table campaign_message_cost_block (like campaign_message_cost);
alter table campaign_message_cost_block add column block bigint not null;
alter table campaign_message_cost_block add primary key (campaign_id, block, variant, channel, hour, currency, source);
create table campaign_message_step_block (like campaign_message_step);
alter table campaign_message_step_block drop column delivery_p50_ms, drop column delivery_p90_ms,
    drop column chain_p50_ms, drop column chain_p90_ms;
alter table campaign_message_step_block add column block bigint not null;
alter table campaign_message_step_block add primary key (campaign_id, block, step, channel);
create table campaign_message_step_cost_block (like campaign_message_step_cost);
alter table campaign_message_step_cost_block add column block bigint not null;
alter table campaign_message_step_cost_block add primary key (campaign_id, block, step, channel, hour, currency, source);
create table campaign_cascade_cost_block (like campaign_cascade_cost);
alter table campaign_cascade_cost_block add column block bigint not null;
alter table campaign_cascade_cost_block add primary key (campaign_id, block, kind, hour, currency);
create table campaign_message_latency_block (like campaign_message_latency);
alter table campaign_message_latency_block add column block bigint not null;
alter table campaign_message_latency_block add primary key (campaign_id, block, step, channel, kind, ms);

-- The history's read position (the sweep of before) is the high-water mark's now.
drop table message_rollup_sweep;

insert into rollup_dirty (rollup, campaign_id, block)
select 'messages', campaign_id, -1 from message_rollup_state
on conflict do nothing;
-- Changes count from here: rows written before carry no txid and count through those full
-- recomputes; a transaction still running now has an id at or above the mark.
insert into rollup_position (rollup, position)
values ('messages', pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
on conflict (rollup) do nothing;
