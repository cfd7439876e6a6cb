-- Segments on behaviour (issue 20): "was sent / had delivered a text in campaign X or in the
-- last N days" and "clicked none of the last N texts" look up one contact's messages, newest
-- first; "replied" looks up one contact's texts. Both as EXISTS semi-joins per contact.
create index outbound_message_contact_sent_idx on outbound_message (contact_id, sent_at desc)
    include (campaign_id, status) where contact_id is not null;
create index inbound_message_contact_idx on inbound_message (contact_id, received_at)
    include (campaign_id, kind) where contact_id is not null;
-- The engagement summary (contact_engagement, campaign-core) picks up newly sent messages
-- by time; newly delivered ones come by outbound_message_final_idx.
create index outbound_message_sent_idx on outbound_message (sent_at) where contact_id is not null;
