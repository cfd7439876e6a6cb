-- Step 1 of 5 of partitioning outbound_message by month (issue 22). A partitioned table can
-- have no unique index without its partition key, so the idempotency key of a message is
-- claimed in a table of its own: writers insert the key first (on conflict, nothing) and write
-- the message only for a key they claimed. Until the table is partitioned, a trigger also
-- claims the key of every message written (instances of the previous version write messages
-- only); step 2 fills in the keys of the messages written before the trigger.
create table outbound_message_key (
    idempotency_key varchar(120) primary key,
    message_id      bigint not null,
    created_at      timestamptz not null default now()
);
create index outbound_message_key_created_idx on outbound_message_key (created_at);

create function remember_message_key() returns trigger
language plpgsql as
$$
begin
    insert into outbound_message_key (idempotency_key, message_id, created_at)
    values (new.idempotency_key, new.id, new.created_at)
    on conflict do nothing;
    return null;
end
$$;

create trigger outbound_message_remember_key after insert on outbound_message
    for each row execute function remember_message_key();
