-- Every received text is classified, with the rule that decided, and a person may correct it.
-- kind is the current kind (a correction replaces it); classified_kind is what the rules said
-- (null for texts stored without classification, such as imported history).
alter table inbound_message drop constraint inbound_message_kind_check;
alter table inbound_message add column classified_kind varchar(8);
alter table inbound_message add column kind_reason varchar(200);
update inbound_message set kind = case when body like '%?%' then 'QUERY' else 'OTHER' end,
    kind_reason = case when body like '%?%' then 'a question mark' else 'no keyword, question or request' end
    where kind = 'REPLY';
update inbound_message set kind_reason = left('keyword ' || upper(btrim(body)), 200) where kind_reason is null;
update inbound_message set classified_kind = kind;
alter table inbound_message add constraint inbound_message_kind_check
    check (kind in ('OPT_OUT', 'OPT_IN', 'HELP', 'KEYWORD', 'QUERY', 'OTHER'));
alter table inbound_message add constraint inbound_message_classified_kind_check
    check (classified_kind in ('OPT_OUT', 'OPT_IN', 'HELP', 'KEYWORD', 'QUERY', 'OTHER'));

-- The campaign reply keyword a KEYWORD text matched (campaign_keyword, in campaign-core).
alter table inbound_message add column keyword_id bigint;

-- When a person first answered this text from the platform (the inbox); queries without it
-- wait for an answer. The response funnel's "answered" and its time to first answer read it.
alter table inbound_message add column answered_at timestamptz;

-- Corrections of a text's kind by a person, kept: who changed what, when, and why.
create table inbound_correction (
    id           bigint generated always as identity primary key,
    inbound_id   bigint not null references inbound_message (id) on delete cascade,
    from_kind    varchar(8) not null,
    to_kind      varchar(8) not null check (to_kind in ('OPT_OUT', 'OPT_IN', 'HELP', 'KEYWORD', 'QUERY', 'OTHER')),
    corrected_by varchar(64) not null,
    note         varchar(500),
    corrected_at timestamptz not null default now()
);
create index inbound_correction_inbound_idx on inbound_correction (inbound_id);

-- Responses by campaign and kind (funnel, goals) and queries waiting for an answer (inbox).
create index inbound_message_campaign_kind_idx on inbound_message (campaign_id, kind, from_number)
    where campaign_id is not null;
create index inbound_message_waiting_idx on inbound_message (received_at)
    where kind = 'QUERY' and answered_at is null;
