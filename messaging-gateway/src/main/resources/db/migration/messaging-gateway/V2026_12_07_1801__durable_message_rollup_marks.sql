-- A campaign whose figures changed is marked here, in the transaction of the change (enqueue,
-- price) or by the sweep from the message history: a restart keeps the mark. Each mark counts,
-- so a recompute clears only marks it has seen. Not yet recomputed: no refresh time.
alter table message_rollup_state alter column refreshed_at drop not null;
alter table message_rollup_state add column dirty boolean not null default false;
alter table message_rollup_state add column marks bigint not null default 0;
create index message_rollup_state_dirty_idx on message_rollup_state (campaign_id) where dirty;

-- How far the sweep has read message_event: it reads each event in two sweeps (from
-- seen_before), so a change committed a while after its event id was taken is not missed.
create table message_rollup_sweep (
    id          int primary key check (id = 1),
    seen_before bigint not null,
    seen        bigint not null
);
insert into message_rollup_sweep (id, seen_before, seen)
select 1, coalesce(max(id), 0), coalesce(max(id), 0) from message_event;
