-- Click figures kept by blocks of links (issue 22, BlockRollup in platform-support): a run adds
-- what changed instead of recomputing a campaign. Rows that change figures carry the id of the
-- transaction that wrote them (txid; updates set it too), found by a high-water mark through a
-- BRIN index (summarized as pages fill). Rows written before have none: they count through the
-- full recompute of every campaign that this migration asks for.
alter table link_click add column txid bigint;
alter table link_click alter column txid set default pg_current_xact_id()::text::bigint;
create index link_click_txid_idx on link_click using brin (txid) with (autosummarize = on);

alter table link_delivery add column txid bigint;
alter table link_delivery alter column txid set default pg_current_xact_id()::text::bigint;
create index link_delivery_txid_idx on link_delivery using brin (txid) with (autosummarize = on);

alter table conversion add column txid bigint;
alter table conversion alter column txid set default pg_current_xact_id()::text::bigint;
create index conversion_txid_idx on conversion using brin (txid) with (autosummarize = on);
-- (A block's conversions are found by their link: conversion_link_idx. Those without one count
-- in block 0.)

-- Each block's contribution to the figures: the figures are their sum.
create table campaign_click_hour_block (
    campaign_id    bigint not null,
    block          bigint not null,
    variant        varchar(32) not null,
    hour           timestamptz not null,
    hits           bigint not null,
    human_hits     bigint not null,
    clickers       bigint not null,
    human_clickers bigint not null,
    conversions    bigint not null,
    primary key (campaign_id, block, variant, hour)
);
create table campaign_revenue_hour_block (
    campaign_id bigint not null,
    block       bigint not null,
    variant     varchar(32) not null,
    hour        timestamptz not null,
    currency    char(3) not null,
    conversions bigint not null,
    amount      numeric(16, 2) not null,
    primary key (campaign_id, block, variant, hour, currency)
);
create table campaign_click_facet_block (
    campaign_id    bigint not null,
    block          bigint not null,
    facet          varchar(8) not null,
    key            varchar(500) not null,
    hits           bigint not null,
    human_clickers bigint not null,
    primary key (campaign_id, block, facet, key)
);

insert into rollup_dirty (rollup, campaign_id, block)
select 'clicks', campaign_id, -1 from click_rollup_state
on conflict do nothing;
-- Changes count from here: rows written before carry no txid and count through those full
-- recomputes; a transaction still running now has an id at or above the mark.
insert into rollup_position (rollup, position)
values ('clicks', pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
on conflict (rollup) do nothing;
