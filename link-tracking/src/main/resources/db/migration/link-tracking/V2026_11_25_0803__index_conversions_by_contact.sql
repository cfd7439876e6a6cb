-- Conversions of contacts, attributed to a click or named by the shop: a campaign's audience and
-- its holdout group are compared by them (holdout lift).
create index conversion_contact_idx on conversion (contact_id, occurred_at) where contact_id is not null;
