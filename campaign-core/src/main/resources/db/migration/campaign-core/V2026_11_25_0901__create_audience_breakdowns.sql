-- Each campaign's results by the recipients' attributes (age band, gender, country, city,
-- interest): delivered messages, people who clicked, people who converted. Recomputed by the
-- report module after the gateway's or link tracking's figures of the campaign were.
create table campaign_audience_slice (
    campaign_id    bigint not null references campaign (id) on delete cascade,
    dimension      varchar(10) not null check (dimension in ('AGE', 'GENDER', 'COUNTRY', 'CITY', 'INTEREST')),
    value          varchar(100) not null,
    delivered      bigint not null,
    human_clickers bigint not null,
    conversions    bigint not null,
    primary key (campaign_id, dimension, value)
);

-- When each breakdown was recomputed, and the holdout comparison: contacts of the holdout group
-- and contacts sent a message (treated), and how many of each converted within the attribution
-- window after launch (any conversion the shop reported for the contact, with or without a click).
create table campaign_audience_state (
    campaign_id        bigint primary key references campaign (id) on delete cascade,
    refreshed_at       timestamptz not null,
    holdout            bigint not null default 0,
    holdout_converters bigint not null default 0,
    treated            bigint not null default 0,
    treated_converters bigint not null default 0
);
