-- A campaign's gateway figures, recomputed from outbound_message by the rollup job whenever its
-- messages changed (within the rollup interval): dashboards read these, never millions of rows.

-- Messages per variant, channel and status, with segments and cost.
create table campaign_message_total (
    campaign_id bigint not null,
    variant     varchar(32) not null,          -- '' for none
    channel     varchar(16) not null,
    status      varchar(16) not null,
    messages    bigint not null,
    segments    bigint not null,
    cost        numeric(16, 5) not null,       -- provider's price where stated, else the estimate; only messages the provider took
    primary key (campaign_id, variant, channel, status)
);

-- Per hour: messages the provider took (by sent_at), delivered and failed ones (by final_at), cost.
create table campaign_message_hour (
    campaign_id bigint not null,
    variant     varchar(32) not null,
    hour        timestamptz not null,
    sent        bigint not null,
    delivered   bigint not null,
    failed      bigint not null,
    cost        numeric(16, 5) not null,
    primary key (campaign_id, variant, hour)
);

-- When each campaign was last recomputed, and how many of its messages were not final then
-- (such campaigns are recomputed again by the sweep even when no change was seen here).
create table message_rollup_state (
    campaign_id   bigint primary key,
    refreshed_at  timestamptz not null,
    open_messages bigint not null
);
