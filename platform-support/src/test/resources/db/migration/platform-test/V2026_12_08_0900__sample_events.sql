-- A table of raw detail partitioned by month, as a module would declare one (tests only).
create sequence sample_event_seq;
create table sample_event (
    id      bigint not null default nextval('sample_event_seq'),
    subject bigint not null,
    value   integer not null,
    at      timestamptz not null
) partition by range (at);
create index sample_event_subject_idx on sample_event (subject, at);
select ensure_month_partitions('sample_event', 'id', now() - interval '13 months', now() + interval '3 months');
