-- Users who sign in to the platform and API keys for machine callers (web-ui module).

create table platform_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    role          varchar(16)  not null check (role in ('MARKETER', 'MANAGER', 'ADMIN')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    last_login_at timestamptz,
    constraint platform_user_username_lower check (username = lower(username)),
    constraint platform_user_username_unique unique (username)
);

create table api_key (
    id           bigint generated always as identity primary key,
    name         varchar(100) not null,
    key_prefix   varchar(16)  not null,
    secret_hash  varchar(64)    not null,
    role         varchar(16)  not null check (role in ('MARKETER', 'MANAGER', 'ADMIN')),
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_key_prefix_unique unique (key_prefix)
);
