-- Texts received before the inbox existed were handled outside it: their conversations start
-- done, so the inbox opens on what arrives from now on (a new text reopens a conversation).
insert into inbox_conversation (phone, done_at, done_by)
select from_number, max(received_at), 'before the inbox' from inbound_message group by from_number
on conflict (phone) do nothing;
