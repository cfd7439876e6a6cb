-- Links whose target or fallback their brand's current rules refuse: found when a brand's
-- rules change (and once for every brand after this migration), listed for the admin, who
-- may disable them (the redirector then answers 410 with a "link disabled" page).
alter table short_link add column disabled_at timestamptz;
alter table link_brand add column links_checked_at timestamptz; -- null: check its links again

create table link_offence (
    link_id  bigint primary key references short_link (id) on delete cascade,
    brand_id bigint not null references link_brand (id) on delete cascade,
    field    varchar(8) not null,      -- TARGET or FALLBACK
    url      varchar(4000) not null,
    reason   varchar(500) not null,
    found_at timestamptz not null default now()
);
create index link_offence_brand_idx on link_offence (brand_id);
