-- Outgoing webhooks (campaign-core module, webhook package): endpoints admins configure, and an
-- outbox of deliveries that workers on any instance claim, send, retry and log.
create table webhook_endpoint (
    id           bigint generated always as identity primary key,
    url          varchar(2000) not null,
    description  varchar(500) not null default '',
    -- Event types followed; empty: all of them.
    event_types  text[] not null default '{}',
    enabled      boolean not null default true,
    -- HMAC-SHA256 key of the signature header, shown to admins (receivers need it as is).
    secret       varchar(100) not null,
    created_at   timestamptz not null default now(),
    created_by   varchar(100) not null,
    updated_at   timestamptz not null default now()
);

create table webhook_delivery (
    -- Sent as the delivery header: the same on every attempt, so receivers can dedupe.
    id               uuid primary key,
    endpoint_id      bigint not null references webhook_endpoint (id) on delete cascade,
    event_id         uuid not null,
    event_type       varchar(64) not null,
    title            text not null,
    -- The exact JSON body, written once: every attempt sends (and signs) the same bytes.
    payload          text not null,
    status           varchar(16) not null default 'PENDING'
                     check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int not null default 0,
    -- Due time while pending; while an attempt is under way, the end of its lease.
    next_attempt_at  timestamptz,
    last_status_code int,
    last_error       varchar(300),
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);

create table webhook_attempt (
    delivery_id      uuid not null references webhook_delivery (id) on delete cascade,
    number           int not null,
    attempted_at     timestamptz not null,
    status_code      int,
    latency_ms       bigint not null,
    error            varchar(300),
    next_attempt_at  timestamptz,
    primary key (delivery_id, number)
);
