-- Summary reports produced for managers (daily and on demand), kept with what was sent
-- (campaign-core module, reports).
create table report_run (
    id           bigint generated always as identity primary key,
    kind         varchar(10) not null check (kind in ('DAILY', 'ON_DEMAND')),
    period_from  timestamptz not null,
    period_to    timestamptz not null,
    generated_at timestamptz not null default now(),
    generated_by varchar(64) not null,
    recipients   text not null default '',
    delivery     varchar(10) not null check (delivery in ('PENDING', 'SENT', 'NOT_SENT', 'FAILED')),
    detail       varchar(500),
    html         text
);
-- One daily report per day, whichever instance claims it first.
create unique index report_run_daily_idx on report_run (period_from) where kind = 'DAILY';
