-- Alert settings (campaign-core module, alert package): the account's rules as admins set
-- them (a rule without a row keeps its built-in default), the e-mail recipients, and a
-- campaign's own overrides (a null part uses the account's setting).
create table alert_rule_setting (
    rule        varchar(32) primary key,
    enabled     boolean not null,
    threshold   numeric(12, 4),
    minimum     integer check (minimum >= 0),
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null default now()
);
create table alert_recipient (
    email       varchar(254) primary key,
    added_by    varchar(64) not null,
    added_at    timestamptz not null default now()
);
create table alert_campaign_setting (
    campaign_id bigint not null references campaign (id) on delete cascade,
    rule        varchar(32) not null,
    enabled     boolean,
    threshold   numeric(12, 4),
    minimum     integer check (minimum >= 0),
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null default now(),
    primary key (campaign_id, rule)
);
-- How the e-mail about an alert went: SENT, NOT_CONFIGURED or FAILED, with the detail.
alter table alert add column mail_outcome varchar(16), add column mail_detail text;
