-- Conversions you can trust (issue 16).
-- A browser conversion (/t/conversions, unauthenticated) is unverified: anyone holding a click
-- id can send one. verified follows the source, so it cannot disagree with it.
alter table conversion add column verified boolean generated always as (source = 'SERVER') stored;

-- The click a browser report named (its smsclid), whatever click the conversion is attributed
-- to: one browser conversion per click and event.
alter table conversion add column reported_click_id bigint;
create unique index conversion_reported_click_idx on conversion (reported_click_id, event)
    where reported_click_id is not null;

-- A brand may count its unverified (browser) conversions in conversions and revenue; off by default.
alter table link_brand add column count_browser_conversions boolean not null default false;

-- The one definition of the conversions that count in figures (conversions, revenue, converters):
-- verified ones, and unverified ones of a brand that opted in. Every figure reads this view.
create view counted_conversion as
select c.* from conversion c
where c.verified or exists (
    select 1 from short_link l join link_brand b on b.id = l.brand_id
    where l.id = c.link_id and b.count_browser_conversions);

-- Server secrets shared by all instances, made once at first start when the environment
-- gives none (the key of click-id tags).
create table link_secret (
    name       varchar(32) primary key,
    secret     bytea not null,
    created_at timestamptz not null default now()
);
