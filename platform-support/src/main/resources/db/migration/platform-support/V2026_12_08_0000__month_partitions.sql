-- Tables partitioned by month of a time column (issue 22): what creates their partitions, here
-- so that a module's migration and the maintenance job (platform-support) share one rule.
--
-- A partition covers one UTC month, [first of the month, first of the next), and is named after
-- its lower bound: link_click_20261201. Where a partition is already there (a table converted
-- in place keeps its old rows in one partition up to a cut-over), the new ones start where it
-- ends, so the first may cover the rest of a month only; none goes beyond end_at (the last may
-- end there). Each partition gets the local primary key given (a partitioned table's own key
-- would have to include the time column). Returns how many it created.
create or replace function ensure_month_partitions(parent regclass, local_key text, from_time timestamptz,
                                                   to_time timestamptz, end_at timestamptz default 'infinity')
returns integer
language plpgsql as
$$
declare
    schema_name text := (select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where c.oid = parent);
    table_name  text := (select relname from pg_class where oid = parent);
    month_start timestamptz := date_trunc('month', from_time, 'UTC');
    lower_bound timestamptz;
    upper_bound timestamptz;
    existing    record;
    created     integer := 0;
begin
    while month_start < least(to_time, end_at) loop
        lower_bound := month_start;
        upper_bound := least(date_trunc('month', month_start + interval '32 days', 'UTC'), end_at);
        -- Clip the month against the partitions there: start after one that covers its start,
        -- end before one that starts inside it.
        for existing in
            select lower_at, upper_at from month_partition_bounds(parent) order by lower_at nulls first
        loop
            if (existing.lower_at is null or existing.lower_at <= lower_bound) and existing.upper_at > lower_bound then
                lower_bound := existing.upper_at;
            end if;
        end loop;
        for existing in select lower_at from month_partition_bounds(parent)
                        where lower_at > lower_bound and lower_at < upper_bound loop
            upper_bound := least(upper_bound, existing.lower_at);
        end loop;
        if lower_bound < upper_bound then
            execute format('create table %I.%I partition of %s (primary key (%s)) for values from (%L) to (%L)',
                           schema_name, table_name || '_' || to_char(lower_bound at time zone 'UTC', 'YYYYMMDD'),
                           parent, local_key, lower_bound, upper_bound);
            created := created + 1;
        end if;
        month_start := date_trunc('month', month_start + interval '32 days', 'UTC');
    end loop;
    return created;
end
$$;

-- The direct partitions of a table with their bounds (null for MINVALUE / MAXVALUE).
create or replace function month_partition_bounds(parent regclass)
returns table (partition_name text, lower_at timestamptz, upper_at timestamptz)
language sql stable as
$$
    select c.relname::text,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\)'))[1]::timestamptz,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = parent
$$;

-- Tables whose rows of before a cut-over are being moved out of their old, unpartitioned
-- table into monthly partitions (LegacyMove): how far the copy has come, by key.
create table partition_move (
    table_name     text primary key,
    moved_table    text not null,                -- where the rows go: <table>_before_<cut-over>
    copied_through bigint not null default 0,
    started_at     timestamptz not null default now()
);

-- While an old table's rows are copied into monthly partitions, a trigger on it writes down the
-- key of every row written there since (the copy then takes that row again before the swap).
-- Arguments: the table that takes the keys, the key column.
create or replace function log_legacy_change()
returns trigger
language plpgsql as
$$
begin
    execute format('insert into %I (id) values ($1)', tg_argv[0])
        using (to_jsonb(case when tg_op = 'DELETE' then old else new end) ->> tg_argv[1])::bigint;
    return null;
end
$$;

-- Raw detail dropped by retention: everything of the table before this moment is gone (figures
-- live on in rollups; a rollup no longer computes again what depended on it).
create table raw_detail_dropped (
    table_name     text primary key,
    dropped_before timestamptz not null
);
