-- Step 2 of 3 of partitioning message_event: reads every event once under a lock that lets
-- writers go on, so that attaching the table as a partition in step 3 needs to read none.
alter table message_event validate constraint message_event_before_cutover;
