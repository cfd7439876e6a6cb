-- Coupon codes: each recipient of a campaign may get a unique code, generated from a
-- pattern or drawn from an imported pool. Codes are stored in upper case; a code belongs
-- to one person of one campaign, for ever (never reused across campaigns).
create table coupon_pool (
    id bigserial primary key,
    name varchar(200) not null unique,
    created_by varchar(100),
    created_at timestamptz not null default now()
);

-- A pool's codes; a drawn code names the campaign that took it.
create table coupon_pool_code (
    id bigserial primary key,
    pool_id bigint not null references coupon_pool (id) on delete cascade,
    code varchar(64) not null unique,
    added_at timestamptz not null default now(),
    campaign_id bigint,
    drawn_at timestamptz
);
create index coupon_pool_code_free on coupon_pool_code (pool_id, id) where campaign_id is null;

-- A campaign's coupon settings (none: the campaign gives no codes).
create table campaign_coupon_setting (
    campaign_id bigint primary key references campaign (id) on delete cascade,
    source varchar(10) not null check (source in ('GENERATED', 'POOL')),
    pattern varchar(64),
    pool_id bigint references coupon_pool (id)
);

-- The code each recipient got. Both unique constraints make a resumed launch
-- idempotent: a person never gets two codes, a code never goes to two people.
create table campaign_coupon (
    id bigserial primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    variant varchar(8),
    contact_id bigint not null,
    code varchar(64) not null unique,
    assigned_at timestamptz not null default now(),
    redeemed_at timestamptz,
    conversion_id bigint,
    redemptions int not null default 0,
    unique (campaign_id, contact_id)
);

-- An upload of results (offline conversions or coupon redemptions): who, when, what file,
-- and how its rows fared; the problems are kept by line.
create table conversion_import (
    id bigserial primary key,
    file_name varchar(255),
    imported_by varchar(100),
    imported_at timestamptz not null default now(),
    campaign_id bigint,
    row_count int not null default 0,
    accepted int not null default 0,
    duplicates int not null default 0,
    rejected int not null default 0,
    problems jsonb not null default '[]'
);
