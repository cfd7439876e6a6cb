-- The account's summary settings as an admin saved them (web-ui module, reports). No row:
-- the defaults of sms.report.* apply.
create table report_setting (
    id         smallint primary key default 1 check (id = 1),
    time_zone  varchar(64) not null,
    send_hour  smallint not null check (send_hour between 0 and 23),
    recipients text not null default '',
    kinds      varchar(40) not null default '',
    changed_by varchar(64) not null,
    changed_at timestamptz not null default now()
);
