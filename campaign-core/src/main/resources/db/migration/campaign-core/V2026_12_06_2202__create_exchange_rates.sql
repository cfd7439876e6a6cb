-- Exchange rates into the reporting currency (money module), entered by admins: from valid_from
-- on, until a later row of the same pair, one unit of currency is worth rate units of
-- reporting_currency. Amounts are converted at the rate of their own day; none is ever added raw.
create table exchange_rate (
    currency           char(3) not null,
    reporting_currency char(3) not null,
    valid_from         date not null,
    rate               numeric(20, 10) not null check (rate > 0),
    created_by         varchar(64) not null,
    created_at         timestamptz not null default now(),
    primary key (currency, reporting_currency, valid_from),
    constraint exchange_rate_other_currency check (currency <> reporting_currency)
);

-- Costs of a campaign besides its messages: FIXED (an agency fee, the creative) or PER_CONVERSION
-- (a coupon's discount, a commission), in the reporting currency. Profit, ROI and cost per
-- conversion count them.
create table campaign_cost (
    campaign_id bigint not null references campaign (id) on delete cascade,
    position    smallint not null,
    label       varchar(100) not null,
    kind        varchar(16) not null check (kind in ('FIXED', 'PER_CONVERSION')),
    amount      numeric(14, 4) not null check (amount >= 0),
    primary key (campaign_id, position)
);

alter table campaign_event drop constraint campaign_event_kind_check;
alter table campaign_event add constraint campaign_event_kind_check
    check (kind in ('TRANSITION', 'GOALS', 'LAUNCH', 'WINNER', 'COSTS'));
