-- Conversions that need no click: a redeemed coupon code (in a shop, by phone) and results a
-- marketer imports (CSV). Imported results are the marketer's own records: they count like
-- server conversions, and figures mark them as imported.
drop view counted_conversion;
alter table conversion drop constraint conversion_source_check;
alter table conversion add constraint conversion_source_check check (source in ('SERVER', 'BROWSER', 'IMPORT'));
alter table conversion drop column verified;
alter table conversion add column verified boolean generated always as (source in ('SERVER', 'IMPORT')) stored;

-- The coupon code redeemed, when the conversion came with one (attributed through the code).
alter table conversion add column coupon_code varchar(64);
-- The upload an imported conversion came from (conversion_import, in campaign-core).
alter table conversion add column import_id bigint;

create view counted_conversion as
select c.* from conversion c
where c.verified or exists (
    select 1 from short_link l join link_brand b on b.id = l.brand_id
    where l.id = c.link_id and b.count_browser_conversions);
