-- Campaigns: audience, variants, schedule, goals, lifecycle and launch (campaign-core module).
-- Segments and lists are this module's; senders, messages and links belong to other modules and
-- are referred to by name or id only.

create table campaign (
    id                 bigint generated always as identity primary key,
    name               varchar(200) not null,
    status             varchar(12) not null default 'DRAFT'
                       check (status in ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    sender             varchar(64) not null,
    brand_id           bigint,                           -- link-tracking brand of its short links (null: default)
    schedule_type      varchar(10) not null default 'NOW' check (schedule_type in ('NOW', 'AT', 'LOCAL_TIME')),
    send_at            timestamptz,                      -- AT: one moment for everyone
    local_date         date,                             -- LOCAL_TIME: this date and time in each recipient's zone
    local_time         time,
    window_policy      varchar(4) not null default 'HOLD' check (window_policy in ('HOLD', 'SKIP')),
    opt_out_line       boolean not null default true,
    signature          varchar(60),
    holdout_percent    smallint not null default 0 check (holdout_percent between 0 and 50),
    winner_test_percent smallint check (winner_test_percent between 5 and 90),
    winner_test_hours  smallint check (winner_test_hours between 1 and 168),
    winner_metric      varchar(12) check (winner_metric in ('HUMAN_CTR', 'CONVERSIONS')),
    winner_variant     varchar(8),
    attribution_days   smallint not null default 7 check (attribution_days between 1 and 90),
    evaluation_days    smallint not null default 7 check (evaluation_days between 1 and 365),
    created_by         varchar(64) not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    -- Launch: who, when, and how far it got (a crashed launch resumes after the last contact written).
    launch_key         varchar(100),
    launched_by        varchar(64),
    launched_at        timestamptz,
    launch_cursor      bigint not null default 0,
    launch_finished_at timestamptz,
    first_due_at       timestamptz,
    audience_count     integer not null default 0,
    queued_count       integer not null default 0,
    holdout_count      integer not null default 0,
    capped_count       integer not null default 0,
    waiting_count      integer not null default 0,   -- waiting for the A/B winner
    winner_chosen_at   timestamptz,
    finished_at        timestamptz,
    version            integer not null default 0
);
create index campaign_status_idx on campaign (status, created_at);
create unique index campaign_launch_key_idx on campaign (launch_key) where launch_key is not null;

-- Who the campaign is for: segments and lists included, and excluded.
create table campaign_audience (
    campaign_id bigint not null references campaign (id) on delete cascade,
    kind        varchar(8) not null check (kind in ('SEGMENT', 'LIST')),
    ref_id      bigint not null,
    included    boolean not null,
    primary key (campaign_id, kind, ref_id)
);

create table campaign_variant (
    campaign_id bigint not null references campaign (id) on delete cascade,
    label       varchar(8) not null,
    body        text not null,
    split       smallint not null check (split between 0 and 100),
    primary key (campaign_id, label)
);

-- Goals declared before launch, judged on the dashboard.
create table campaign_goal (
    campaign_id bigint not null references campaign (id) on delete cascade,
    metric      varchar(12) not null check (metric in ('HUMAN_CTR', 'CONVERSIONS', 'REVENUE', 'ROI')),
    target      numeric(14, 4) not null,
    primary key (campaign_id, metric)
);

-- Every lifecycle transition, and every change to goals after launch: nothing changes silently.
create table campaign_event (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    kind        varchar(12) not null check (kind in ('TRANSITION', 'GOALS', 'LAUNCH', 'WINNER')),
    from_status varchar(12),
    to_status   varchar(12),
    detail      text,
    by_user     varchar(64) not null,
    at          timestamptz not null default now()
);
create index campaign_event_campaign_idx on campaign_event (campaign_id, id);

-- Recipients of the audience snapshot who get no message now: the holdout group, those over the
-- frequency cap, and those waiting for the A/B test's winner.
create table campaign_recipient (
    campaign_id bigint not null references campaign (id) on delete cascade,
    contact_id  bigint not null,
    role        varchar(8) not null check (role in ('HOLDOUT', 'CAPPED', 'WAITING', 'SENT')),
    primary key (campaign_id, contact_id)
);
