-- Channels of a contact (issue 19): the channel they prefer (from import or API: tried first
-- by cascades), and WhatsApp opt-in as a consent of its own, with its proof in the consent log.
alter table contact add column preferred_channel varchar(16)
    check (preferred_channel in ('SMS', 'WHATSAPP', 'RCS'));
alter table contact add column whatsapp_consent varchar(16) not null default 'NONE'
    check (whatsapp_consent in ('NONE', 'OPTED_IN', 'OPTED_OUT'));
alter table contact add column whatsapp_consent_at timestamptz;

-- Which consent an entry of the log is about: SMS (the contact's consent_status) or WhatsApp.
alter table consent_event add column channel varchar(16) not null default 'SMS'
    check (channel in ('SMS', 'WHATSAPP'));
