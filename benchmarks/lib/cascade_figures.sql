-- The cascade benchmark's own figures for one campaign (psql variable :campaign), from the raw
-- outbound messages and the benchmark's own copy of the price table: independent of the
-- platform's rollups and report code (docs/metrics.md, "Channels and cascade steps").
-- Prints: chains, SMS-only cost, cascade cost (USD, rounded half up to cents, as the reports),
-- messages per channel.
with price (channel, country, amount) as (values
    ('SMS', 'US', 0.0079), ('SMS', 'GB', 0.0398), ('SMS', 'DE', 0.0865), ('SMS', 'FR', 0.0769),
    ('SMS', 'ES', 0.0748),
    ('WHATSAPP', 'US', 0.0190), ('WHATSAPP', 'GB', 0.0270), ('WHATSAPP', 'DE', 0.0600),
    ('WHATSAPP', 'FR', 0.0350), ('WHATSAPP', 'ES', 0.0250),
    ('RCS', 'US', 0.0083), ('RCS', 'GB', 0.0300), ('RCS', 'DE', 0.0500), ('RCS', 'FR', 0.0450),
    ('RCS', 'ES', 0.0450)),
m as (
    select m.*, case when to_number like '+1%' then 'US' when to_number like '+44%' then 'GB'
        when to_number like '+49%' then 'DE' when to_number like '+33%' then 'FR'
        when to_number like '+34%' then 'ES' end as country
    from outbound_message m where campaign_id = :campaign),
-- Cascades that went out: the first message reached the provider or was handed on.
roots as (
    select m.*, coalesce((
        select (m.step_texts -> (k.n - 1)::int ->> 'segments')::int
        from message_chain c cross join lateral jsonb_array_elements(c.steps) with ordinality as k(step, n)
        where c.id = m.chain_id and k.step ->> 'channel' = 'SMS' order by k.n limit 1),
        case when m.channel = 'SMS' then m.segments end) as sms_segments
    from m where chain_id is not null and chain_root_id is null and (provider_sid is not null or chain_advanced)
      and country is not null),
baseline as (
    select count(*) as chains, sum(p.amount * r.sms_segments) as amount
    from roots r join price p on p.channel = 'SMS' and p.country = r.country),
-- Every step of those cascades that the provider took and did not fail: its table price
-- (SMS per segment, WhatsApp and RCS per message).
actual as (
    select sum(coalesce(x.price, p.amount * case when x.channel = 'SMS' then x.segments else 1 end)) as amount
    from m x join price p on p.channel = x.channel and p.country = x.country
    where coalesce(x.chain_root_id, x.id) in (select id from roots)
      and x.provider_sid is not null and (x.price is not null or x.status <> 'FAILED'))
select b.chains, round(b.amount, 2), round(coalesce(a.amount, 0), 2),
    (select string_agg(channel || '=' || n, ' ' order by channel)
     from (select channel, count(*) as n from m group by channel) as c)
from baseline b, actual a;
