-- Step 2 of 3 of partitioning link_click: reads every click once under a lock that lets the
-- click writer go on (SHARE UPDATE EXCLUSIVE), so that attaching the table as a partition in
-- step 3 needs to read none.
alter table link_click validate constraint link_click_before_cutover;
