-- Contacts, their consent log, custom attribute definitions and static lists (contact module).

create table contact (
    id                 bigint generated always as identity primary key,
    phone_number       varchar(16),                 -- E.164; null once erased
    phone_type         varchar(24) not null default 'UNKNOWN',
    first_name         varchar(100),
    last_name          varchar(100),
    email              varchar(254),
    city               varchar(100),
    region             varchar(100),
    country            char(2),
    gender             varchar(8),
    birth_date         date,
    language           varchar(16),
    time_zone          varchar(64) not null,
    tags               text[] not null default '{}',
    attributes         jsonb not null default '{}',
    consent_status     varchar(16) not null check (consent_status in ('SUBSCRIBED', 'UNSUBSCRIBED', 'PENDING')),
    consent_changed_at timestamptz not null default now(),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    erased_at          timestamptz,
    constraint contact_phone_number_unique unique (phone_number),
    constraint contact_gender_known check (gender in ('FEMALE', 'MALE', 'DIVERSE')),
    constraint contact_erased_has_no_number check (erased_at is null or phone_number is null)
);

-- Segment rules compile to conditions on these columns.
create index contact_country_idx on contact (country);
create index contact_birth_date_idx on contact (birth_date);
create index contact_city_idx on contact (lower(city));
create index contact_gender_idx on contact (gender);
create index contact_consent_idx on contact (consent_status);
create index contact_created_at_idx on contact (created_at);
create index contact_tags_idx on contact using gin (tags);
create index contact_attributes_idx on contact using gin (attributes jsonb_path_ops);

-- Append-only: every consent change, with its source and proof. Never edited, never deleted;
-- only the proof text is blanked when its contact is erased.
create table consent_event (
    id          bigint generated always as identity primary key,
    contact_id  bigint not null references contact (id),
    status      varchar(16) not null check (status in ('SUBSCRIBED', 'UNSUBSCRIBED', 'PENDING')),
    source      varchar(16) not null check (source in ('IMPORT', 'FORM', 'API', 'REPLY_KEYWORD', 'ADMIN')),
    proof       text,
    recorded_by varchar(64),
    occurred_at timestamptz not null default now()
);
create index consent_event_contact_idx on consent_event (contact_id, occurred_at);

create function consent_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.proof is null
       and (new.id, new.contact_id, new.status, new.source, new.recorded_by, new.occurred_at)
           is not distinct from (old.id, old.contact_id, old.status, old.source, old.recorded_by, old.occurred_at) then
        return new; -- erasure blanks the proof text, nothing else
    end if;
    raise exception 'the consent log is append-only (% refused)', tg_op;
end $$;

create trigger consent_event_append_only
    before update or delete on consent_event
    for each row execute function consent_event_append_only();

create table custom_attribute (
    key        varchar(64) primary key check (key ~ '^[a-z][a-z0-9_]{0,63}$'),
    label      varchar(100) not null,
    type       varchar(8) not null check (type in ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN')),
    created_at timestamptz not null default now()
);

create table contact_list (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null,
    description varchar(500),
    created_at  timestamptz not null default now(),
    constraint contact_list_name_unique unique (name)
);

create table contact_list_member (
    list_id    bigint not null references contact_list (id) on delete cascade,
    contact_id bigint not null references contact (id),
    added_at   timestamptz not null default now(),
    primary key (list_id, contact_id)
);
create index contact_list_member_contact_idx on contact_list_member (contact_id);

-- CSV imports: the job, its settings, progress and counts, and every rejected row.
create table contact_import (
    id              bigint generated always as identity primary key,
    file_name       varchar(255) not null,
    stored_file     varchar(500) not null,
    size_bytes      bigint not null,
    charset         varchar(32) not null,
    separator       char(1) not null,
    headers         jsonb not null,
    status          varchar(16) not null check (status in ('UPLOADED', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    settings        jsonb,
    rows_read       bigint not null default 0,
    bytes_read      bigint not null default 0,
    created_count   bigint not null default 0,
    updated_count   bigint not null default 0,
    skipped_count   bigint not null default 0,
    rejected_count  bigint not null default 0,
    failure         varchar(1000),
    created_by      varchar(64) not null,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    heartbeat_at    timestamptz,
    finished_at     timestamptz
);

create table contact_import_rejection (
    import_id   bigint not null references contact_import (id) on delete cascade,
    line        bigint not null,
    column_name varchar(255),
    raw_value   varchar(300),
    reason      varchar(300) not null
);
create index contact_import_rejection_idx on contact_import_rejection (import_id, line);
