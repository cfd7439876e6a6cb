-- Step 3 of 3: message_event (every status a message went through) partitioned by month of
-- `at` (issue 22): old months of raw history are dropped whole by retention (the figures live
-- in the rollups), and the hot month's indexes stay small.
--
-- The parent has no primary key (it would have to include `at`): each partition keys on id,
-- unique across partitions (one sequence). An install with events keeps them where they are:
-- the old table becomes the partition of everything before the cut-over of step 1 (attached
-- without reading a row; its index on (message_id, id) becomes the parent's), and the
-- maintenance job moves its rows into monthly partitions in batches while the platform runs.
alter table message_event rename to message_event_legacy;
alter index message_event_message_idx rename to message_event_legacy_message_idx;
create table message_event (like message_event_legacy including defaults including constraints)
    partition by range (at);
alter table message_event drop constraint message_event_before_cutover;
alter sequence message_event_seq owned by message_event.id;
create index message_event_message_idx on message_event (message_id, id);

do $$
declare
    cutover timestamptz := (select (regexp_match(pg_get_constraintdef(oid), '''([^'']+)'''))[1]::timestamptz
                            from pg_constraint
                            where conrelid = 'message_event_legacy'::regclass and conname = 'message_event_before_cutover');
begin
    if exists (select 1 from message_event_legacy) then
        execute format('alter table message_event attach partition message_event_legacy for values from (minvalue) to (%L)',
                       cutover);
        perform ensure_month_partitions('message_event', 'id', cutover, now() + interval '3 months');
    else
        drop table message_event_legacy;
        perform ensure_month_partitions('message_event', 'id', now() - interval '13 months', now() + interval '3 months');
    end if;
end
$$;
