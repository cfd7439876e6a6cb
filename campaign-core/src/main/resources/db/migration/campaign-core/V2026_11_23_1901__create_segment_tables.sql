-- Named, rule-based segments (segment module). The rule is structured data (JSON), compiled to
-- parameterised SQL when counted: no user text ever becomes SQL.

create table segment (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null,
    description varchar(500),
    rule        jsonb not null,
    created_by  varchar(64) not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint segment_name_unique unique (name)
);
