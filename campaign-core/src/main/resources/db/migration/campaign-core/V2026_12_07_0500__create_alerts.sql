-- Alerts (campaign-core module, alert package): a condition that fired, with the figures that
-- fired it, kept after it resolves. One open alert per rule and subject at a time.
create table alert (
    id                 bigint generated always as identity primary key,
    rule               varchar(32) not null,
    -- The campaign it concerns; null for a sender's queue or the account.
    campaign_id        bigint,
    campaign_name      varchar(200),
    -- What within the rule it is about (a goal, a sender number, ...): the condition's key.
    subject            varchar(200) not null default '',
    severity           varchar(8) not null default 'WARNING' check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    title              text not null,
    figures            jsonb not null default '{}',
    raised_at          timestamptz not null default now(),
    resolved_at        timestamptz,
    resolved_figures   jsonb
);
create unique index alert_open_once on alert (rule, coalesce(campaign_id, 0), subject) where resolved_at is null;
create index alert_raised_idx on alert (raised_at);
create index alert_campaign_idx on alert (campaign_id, raised_at) where campaign_id is not null;
