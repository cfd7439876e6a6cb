-- Rollups kept by blocks (BlockRollup, issue 22). Where each rollup has read changes up to: the
-- transaction id below which every writer had finished at its last run.
create table rollup_position (
    rollup   text primary key,
    position bigint not null
);

-- Blocks whose contribution must be computed again (block -1: all of the campaign's). marks
-- counts the changes seen: a run clears a block only if none came while it computed it.
create table rollup_dirty (
    rollup      text not null,
    campaign_id bigint not null,
    block       bigint not null,
    marks       bigint not null default 1,
    marked_at   timestamptz not null default now(),
    primary key (rollup, campaign_id, block)
);
