-- When the rules or the library change, an admin reclassifies the stored hits of a range of days
-- (UTC, both included). One row per request; the job that carries it out records its progress
-- after each day, in the same transaction as that day's changes, so a job taken over after a crash
-- resumes at next_day.
create table click_reclassification (
    id                      bigint generated always as identity primary key,
    requested_by            varchar(64) not null,
    requested_at            timestamptz not null default now(),
    from_day                date not null,
    to_day                  date not null,
    status                  varchar(8) not null default 'QUEUED'
                                check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    started_at              timestamptz,
    heartbeat_at            timestamptz,           -- the running job's last sign of life
    finished_at             timestamptz,
    next_day                date,                  -- the first day not yet reclassified
    agents                  integer not null default 0,  -- distinct user agents classified
    hits_examined           bigint not null default 0,
    to_person               bigint not null default 0,   -- hits now counted as a person's, not before
    to_not_person           bigint not null default 0,   -- hits counted as a person's before, not now
    conversions_changed     integer not null default 0,  -- conversions attributed anew
    error                   varchar(500),
    constraint click_reclassification_range check (to_day >= from_day)
);
-- One open at a time: two would redo each other's work.
create unique index click_reclassification_one_open on click_reclassification ((true))
    where status in ('QUEUED', 'RUNNING');

-- Conversions of plain links (no contact) are found again by their link when its hits change.
create index conversion_link_idx on conversion (link_id) where link_id is not null;
