-- Goals that decide (issue 18): any figure with a direction, several per campaign (two
-- conversion goals for different events), a verdict frozen once at the end of the
-- evaluation window, and a log of target changes after launch.

alter table campaign_goal drop constraint campaign_goal_metric_check;
alter table campaign_goal alter column metric type varchar(24);
alter table campaign_goal add constraint campaign_goal_metric_check check (metric in ('HUMAN_CTR',
    'CONVERSIONS', 'REVENUE', 'PROFIT', 'ROI', 'REPLIES', 'QUERIES', 'COST_PER_CONVERSION', 'COST_PER_CLICK',
    'OPT_OUT_RATE', 'UNDELIVERED_RATE'));

-- The conversion event a CONVERSIONS goal counts ('lead', 'sale'); '' counts every event.
alter table campaign_goal add column event varchar(50) not null default '';
alter table campaign_goal drop constraint campaign_goal_pkey;
alter table campaign_goal add primary key (campaign_id, metric, event);

-- The frozen judgement: written once (update ... where judged_at is null), never rewritten.
alter table campaign_goal add column passed boolean;
alter table campaign_goal add column judged_figure numeric(18, 4);
alter table campaign_goal add column judged_at timestamptz;
alter table campaign_goal add constraint campaign_goal_judged_check
    check ((judged_at is null) = (passed is null));
create index campaign_goal_unjudged_idx on campaign_goal (campaign_id) where judged_at is null;

-- Target changes after launch: who, when, from, to (null from: added; null to: removed).
create table campaign_goal_change (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    metric      varchar(24) not null,
    event       varchar(50) not null default '',
    from_target numeric(14, 4),
    to_target   numeric(14, 4),
    changed_by  varchar(64) not null,
    changed_at  timestamptz not null default now()
);
create index campaign_goal_change_campaign_idx on campaign_goal_change (campaign_id, id);
