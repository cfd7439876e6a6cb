-- Cascade results (issue 19): a campaign's messages by cascade step and channel, what each
-- step cost, and what its cascades cost against the same recipients by SMS alone.
-- Recomputed with the other rollups (MessageRollups) whenever the campaign's messages changed.

-- Per step (chain_step + 1; 1 for a message without cascade) and channel.
create table campaign_message_step (
    campaign_id       bigint not null,
    step              smallint not null,
    channel           varchar(16) not null,
    messages          bigint not null,            -- every message of the step
    sent              bigint not null,            -- taken by the provider (accepted, sent, delivered, undelivered)
    delivered         bigint not null,
    read              bigint not null,            -- delivered with a read receipt
    failed            bigint not null,            -- failed or undelivered
    handed_on         bigint not null,            -- passed to the next step (failed, timed out, not read)
    withdrawn         bigint not null,            -- canceled: an earlier step delivered
    pending           bigint not null,            -- queued or on its way to the provider
    won               bigint not null,            -- delivered and the last delivered step of its chain
    delivery_p50_ms   bigint,                     -- step's sending_at to its delivered final_at
    delivery_p90_ms   bigint,
    chain_p50_ms      bigint,                     -- chain's first sending_at to this (winning) step's delivery
    chain_p90_ms      bigint,
    primary key (campaign_id, step, channel)
);

-- Cost per step and channel, by the hour the provider took the messages, as campaign_message_cost.
create table campaign_message_step_cost (
    campaign_id bigint not null,
    step        smallint not null,
    channel     varchar(16) not null,
    hour        timestamptz not null,
    currency    char(3) not null,
    source      varchar(8) not null,
    messages    bigint not null,
    amount      numeric(16, 5) not null,
    primary key (campaign_id, step, channel, hour, currency, source)
);

-- Cascades that went out (their first message reached the provider or was handed on): the
-- SMS-only baseline (BASELINE: sms_only_cost of the first messages) and what every step of
-- those chains cost (ACTUAL), by the hour of the chain's first message.
create table campaign_cascade_cost (
    campaign_id bigint not null,
    kind        varchar(8) not null check (kind in ('BASELINE', 'ACTUAL')),
    hour        timestamptz not null,
    currency    char(3) not null,
    chains      bigint not null,
    amount      numeric(16, 5) not null,
    primary key (campaign_id, kind, hour, currency)
);
