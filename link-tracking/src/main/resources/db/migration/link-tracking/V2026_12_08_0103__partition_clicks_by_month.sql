-- Step 3 of 3: link_click partitioned by month of occurred_at (issue 22). Old months are dropped
-- whole by retention, the hot month's indexes stay small, and queries that name a time range
-- read only its months.
--
-- The parent has no primary key (it would have to include occurred_at): each partition keys on
-- id, unique across partitions by construction (time-based click ids, ClickIds). An install
-- with clicks keeps them where they are: the old table becomes the partition of everything
-- before the cut-over of step 1 (attached without reading a row, its check proves the range;
-- its index on (link_id, occurred_at) becomes the parent's), and the maintenance job moves its
-- rows into monthly partitions in batches while the platform runs. Locks: an instant.
alter table link_click rename to link_click_legacy;
alter index link_click_link_idx rename to link_click_legacy_link_idx;
create table link_click (like link_click_legacy including defaults including constraints)
    partition by range (occurred_at);
alter table link_click drop constraint link_click_before_cutover;
create index link_click_link_idx on link_click (link_id, occurred_at);

do $$
declare
    cutover timestamptz := (select (regexp_match(pg_get_constraintdef(oid), '''([^'']+)'''))[1]::timestamptz
                            from pg_constraint
                            where conrelid = 'link_click_legacy'::regclass and conname = 'link_click_before_cutover');
begin
    if exists (select 1 from link_click_legacy) then
        execute format('alter table link_click attach partition link_click_legacy for values from (minvalue) to (%L)',
                       cutover);
        perform ensure_month_partitions('link_click', 'id', cutover, now() + interval '3 months');
    else
        drop table link_click_legacy;
        perform ensure_month_partitions('link_click', 'id', now() - interval '13 months', now() + interval '3 months');
    end if;
end
$$;
