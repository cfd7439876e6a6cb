-- Failed and refused sign-ins per account name and per client address, shared by every instance:
-- growing delays and a temporary lock (see SignInThrottle). Account names are counted whether or
-- not such a user exists, so the answers tell nobody which usernames are real.
create table sign_in_throttle (
    kind            varchar(8)   not null,
    subject         varchar(100) not null,
    failures        integer      not null,
    last_attempt_at timestamptz  not null,
    not_before      timestamptz,
    locked_until    timestamptz,
    constraint sign_in_throttle_pk primary key (kind, subject),
    constraint sign_in_throttle_kind check (kind in ('ACCOUNT', 'ADDRESS'))
);

create index sign_in_throttle_last_attempt_ix on sign_in_throttle (last_attempt_at);
