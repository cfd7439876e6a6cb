-- Step 3 of 5 of partitioning outbound_message. Its ids come from a sequence of their own from
-- now on (PostgreSQL 15 has no identity on partitioned tables), continuing above the last;
-- writers wait an instant for the switch. Then: the messages there so far were all created
-- before a cut-over, the start of the day after tomorrow (UTC); NOT VALID, step 4 proves it
-- while writers go on.
lock table outbound_message in share row exclusive mode;
create sequence outbound_message_seq;
select setval('outbound_message_seq',
              greatest(coalesce((select max(id) from outbound_message), 0),
                       (select last_value from outbound_message_id_seq)) + 1, false);
alter table outbound_message alter column id drop identity;
alter table outbound_message alter column id set default nextval('outbound_message_seq');
alter sequence outbound_message_seq owned by outbound_message.id;
do $$
begin
    execute format('alter table outbound_message add constraint outbound_message_before_cutover check (created_at < %L) not valid',
                   date_trunc('day', now(), 'UTC') + interval '2 days');
end
$$;
