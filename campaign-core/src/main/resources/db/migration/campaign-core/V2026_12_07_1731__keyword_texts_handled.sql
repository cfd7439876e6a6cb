-- Keyword texts handled (issue 21): the answer, the list join and this mark commit together,
-- so a text is handled once, and a sweep hands on again the recent ones without a mark (the
-- handling runs after the text is stored; a crash in between lost it).
create table campaign_keyword_text (
    inbound_id bigint primary key,       -- the text (inbound_message, messaging)
    handled_at timestamptz not null default now()
);
insert into campaign_keyword_text (inbound_id)
select distinct inbound_id from campaign_keyword_answer;
