-- A campaign's click and conversion figures, recomputed from link_click, short_link and conversion
-- by the rollup job whenever its links were hit or converted (within the rollup interval).

-- Per variant and hour: hits, human hits, links first hit (unique clickers) and first hit by a
-- person (unique human clickers) in that hour, attributed conversions and their value.
create table campaign_click_hour (
    campaign_id    bigint not null,
    variant        varchar(32) not null,       -- '' for none
    hour           timestamptz not null,
    hits           bigint not null,
    human_hits     bigint not null,
    clickers       bigint not null,
    human_clickers bigint not null,
    conversions    bigint not null,
    revenue        numeric(16, 2) not null,
    primary key (campaign_id, variant, hour)
);

-- Breakdowns: REASON (hits not counted as human, by reason), TARGET (per destination: hits and
-- unique human clickers), DELAY (unique human clickers by whole hours from delivery to their
-- first human hit; key 'unknown' when the delivery time is not known), SLOT (per hour of the week
-- in the recipient's zone when the message arrived, 0 = Monday 00h: hits holds the messages
-- delivered, human_clickers those of them clicked by a person).
create table campaign_click_facet (
    campaign_id    bigint not null,
    facet          varchar(8) not null check (facet in ('REASON', 'TARGET', 'DELAY', 'SLOT')),
    key            varchar(500) not null,
    hits           bigint not null,
    human_clickers bigint not null,
    primary key (campaign_id, facet, key)
);

-- Campaigns to recompute (dirty, set in the same transaction as the hits or conversion) and when
-- each was last recomputed.
create table click_rollup_state (
    campaign_id  bigint primary key,
    dirty        boolean not null,
    refreshed_at timestamptz
);
