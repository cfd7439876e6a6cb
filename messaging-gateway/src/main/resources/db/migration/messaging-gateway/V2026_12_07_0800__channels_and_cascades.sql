-- Channels and cascades (issue 19): SMS, WhatsApp and RCS through the same Messages API;
-- WhatsApp templates (Twilio Content API); per-step texts of a cascade; read receipts;
-- what a number can be reached on; the customer-service window of inbound messages.

alter table outbound_message drop constraint outbound_message_channel_check;
alter table outbound_message add constraint outbound_message_channel_check
    check (channel in ('SMS', 'WHATSAPP', 'RCS'));

-- A template (WhatsApp business-initiated messages): the Content API's sid and the
-- variables as JSON ({"1": "Anna"}); body then holds the rendered text for people to read.
alter table outbound_message add column content_sid varchar(34);
alter table outbound_message add column content_variables text;
-- The texts of every step of this message's cascade ([{body, segments, contentSid,
-- contentVariables}], by step), carried from step to step; null: every step sends body.
alter table outbound_message add column step_texts jsonb;
-- When the channel reported the message read (WhatsApp, RCS).
alter table outbound_message add column read_at timestamptz;
-- On a cascade's first step: what the recipient would have cost by SMS alone (the SMS
-- price of the destination country times the SMS text's segments), in cost_currency.
alter table outbound_message add column sms_only_cost numeric(10, 5);
create index outbound_message_chain_campaign_idx on outbound_message (campaign_id, chain_step)
    where chain_id is not null;

-- What a number cannot be reached on, learned from the provider's answers: not on the channel
-- (63003: no WhatsApp account, not RCS-capable) or failed there. Skipped on that channel by later
-- campaigns until skip_until.
create table channel_reachability (
    phone       varchar(20) not null,            -- E.164
    channel     varchar(16) not null check (channel in ('SMS', 'WHATSAPP', 'RCS')),
    reason      varchar(16) not null check (reason in ('NOT_ON_CHANNEL', 'FAILED')),
    error_code  integer,
    message_id  bigint,                          -- the message that taught it
    learned_at  timestamptz not null default now(),
    skip_until  timestamptz not null,
    primary key (phone, channel)
);
create index channel_reachability_until_idx on channel_reachability (skip_until);

-- The channel a text came in on: the 24-hour customer-service window of WhatsApp opens with
-- the person's last message on WhatsApp.
alter table inbound_message add column channel varchar(16) not null default 'SMS'
    check (channel in ('SMS', 'WHATSAPP', 'RCS'));
create index inbound_message_from_idx on inbound_message (from_number, channel, received_at);

-- The simulator's record says which channel it received a message on.
alter table simulator_message add column channel varchar(16) not null default 'SMS';
alter table simulator_message add column content_sid varchar(34);
