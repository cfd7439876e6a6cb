-- The consent log stays append-only now that each entry names its channel (SMS or WhatsApp):
-- erasure may blank the proof text and nothing else, the channel included.
create or replace function consent_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.proof is null
       and (new.id, new.contact_id, new.status, new.source, new.recorded_by, new.occurred_at, new.channel)
           is not distinct from
           (old.id, old.contact_id, old.status, old.source, old.recorded_by, old.occurred_at, old.channel) then
        return new; -- erasure blanks the proof text, nothing else
    end if;
    raise exception 'the consent log is append-only (% refused)', tg_op;
end $$;

