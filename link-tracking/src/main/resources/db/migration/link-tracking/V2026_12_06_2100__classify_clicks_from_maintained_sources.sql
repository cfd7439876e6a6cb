-- Click classification from maintained sources (Yauaa, isbot) and our SMS rules, ahead of which
-- come the admins' additions: those may now also say that an agent is a person (HUMAN: an in-app
-- browser a source gets wrong).
alter table bot_pattern drop constraint bot_pattern_kind_check;
alter table bot_pattern add constraint bot_pattern_kind_check check (kind in ('PREVIEW', 'BOT', 'HUMAN'));
