-- Step 1 of 3 of partitioning link_click by month (issue 22): the clicks there so far all
-- happened before a cut-over, the start of the day after tomorrow (UTC). NOT VALID: adding it
-- reads no row and holds its lock for an instant; step 2 proves it while writers go on.
do $$
begin
    execute format('alter table link_click add constraint link_click_before_cutover check (occurred_at < %L) not valid',
                   date_trunc('day', now(), 'UTC') + interval '2 days');
end
$$;
