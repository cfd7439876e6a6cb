-- Step 4 of 5 of partitioning outbound_message: reads every message once under a lock that
-- lets writers go on, so that attaching the table as a partition in step 5 needs to read none.
alter table outbound_message validate constraint outbound_message_before_cutover;
