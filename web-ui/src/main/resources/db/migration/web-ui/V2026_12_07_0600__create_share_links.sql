-- Read-only links to a campaign dashboard or a summary, for people without an account.
-- The token in the address is signed (HMAC-SHA256 over id and expiry); this row says what
-- it shows and whether it still may: expired or revoked rows answer 410.
create table share_link (
    id             bigserial primary key,
    kind           varchar(16)  not null check (kind in ('CAMPAIGN', 'SUMMARY')),
    -- CAMPAIGN: the campaign (campaign-core's id, no foreign key across modules)
    campaign_id    bigint,
    -- SUMMARY: the range of days, both inclusive
    summary_from   date,
    summary_to     date,
    -- what it showed when made (campaign name or period), for the list of links
    title          varchar(300) not null,
    label          varchar(120),
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    revoked_at     timestamptz,
    revoked_by     varchar(100),
    last_opened_at timestamptz,
    open_count     bigint       not null default 0,
    constraint share_link_subject check (
        (kind = 'CAMPAIGN' and campaign_id is not null and summary_from is null and summary_to is null)
        or (kind = 'SUMMARY' and campaign_id is null and summary_from is not null and summary_to >= summary_from))
);

create index share_link_by_creation on share_link (created_at desc);

-- The signing key when none is configured (sms.web.share.key): made by the first instance
-- to start, read by every other.
create table share_secret (
    name   varchar(40) primary key,
    secret bytea       not null
);
