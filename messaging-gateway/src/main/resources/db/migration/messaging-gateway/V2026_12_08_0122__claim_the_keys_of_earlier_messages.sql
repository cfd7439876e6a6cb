-- Step 2 of 5 of partitioning outbound_message: the keys of the messages written before the
-- trigger of step 1 (which waited for every writer before it took effect). Reads the messages
-- without blocking writers; on a big install this is the long step of the upgrade.
insert into outbound_message_key (idempotency_key, message_id, created_at)
select idempotency_key, id, created_at from outbound_message
on conflict do nothing;
