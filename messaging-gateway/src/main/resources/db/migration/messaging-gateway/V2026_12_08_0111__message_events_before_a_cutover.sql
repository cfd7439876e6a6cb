-- Step 1 of 3 of partitioning message_event by month of `at` (issue 22). A partitioned table
-- cannot generate identities in PostgreSQL 15: its ids come from a sequence of their own from
-- now on, continuing above the last (writers wait an instant for the switch). Then: the events
-- there so far all happened before a cut-over, the start of the day after tomorrow (UTC); NOT
-- VALID, step 2 proves it while writers go on.
lock table message_event in share row exclusive mode;
create sequence message_event_seq;
select setval('message_event_seq', coalesce((select max(id) from message_event), 0) + 1, false);
alter table message_event alter column id drop identity;
alter table message_event alter column id set default nextval('message_event_seq');
do $$
begin
    execute format('alter table message_event add constraint message_event_before_cutover check (at < %L) not valid',
                   date_trunc('day', now(), 'UTC') + interval '2 days');
end
$$;
