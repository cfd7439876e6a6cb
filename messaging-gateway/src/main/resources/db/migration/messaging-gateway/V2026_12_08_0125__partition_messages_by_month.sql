-- Step 5 of 5: outbound_message partitioned by month of created_at (issue 22): queries that
-- name a time range read only its months, and the hot month's indexes stay small.
--
-- The parent has no primary key and no unique index (each would have to include created_at):
-- each partition keys on id, unique across partitions (one sequence), and keys are unique in
-- outbound_message_key. An install with messages keeps them where they are: the old table
-- becomes the partition of everything before the cut-over of step 3, attached without reading
-- a row (its check proves the range; its indexes and foreign key become the parent's), and
-- the maintenance job moves its rows into monthly partitions in batches while the platform
-- runs. Locks: an instant.
alter table outbound_message rename to outbound_message_legacy;
drop trigger outbound_message_remember_key on outbound_message_legacy;
drop function remember_message_key();
create table outbound_message (like outbound_message_legacy including defaults including constraints)
    partition by range (created_at);
alter table outbound_message drop constraint outbound_message_before_cutover;
alter sequence outbound_message_seq owned by outbound_message.id;
alter table outbound_message add constraint outbound_message_chain_id_fkey
    foreign key (chain_id) references message_chain (id);

-- The same indexes on the parent, under their names (the old table's take a suffix and become
-- its partitions of them).
do $$
declare
    ix record;
begin
    for ix in select c.relname as name, pg_get_indexdef(i.indexrelid) as def
              from pg_index i join pg_class c on c.oid = i.indexrelid
              where i.indrelid = 'outbound_message_legacy'::regclass and not i.indisunique
              order by c.relname
    loop
        execute format('alter index %I rename to %I', ix.name, left(ix.name, 55) || '_legacy');
        execute regexp_replace(ix.def, '^CREATE INDEX \S+ ON \S+ ', format('CREATE INDEX %I ON outbound_message ', ix.name));
    end loop;
end
$$;

do $$
declare
    cutover timestamptz := (select (regexp_match(pg_get_constraintdef(oid), '''([^'']+)'''))[1]::timestamptz
                            from pg_constraint
                            where conrelid = 'outbound_message_legacy'::regclass
                              and conname = 'outbound_message_before_cutover');
begin
    if exists (select 1 from outbound_message_legacy) then
        execute format('alter table outbound_message attach partition outbound_message_legacy for values from (minvalue) to (%L)',
                       cutover);
        perform ensure_month_partitions('outbound_message', 'id', cutover, now() + interval '3 months');
    else
        drop table outbound_message_legacy;
        perform ensure_month_partitions('outbound_message', 'id', now() - interval '13 months', now() + interval '3 months');
    end if;
end
$$;
