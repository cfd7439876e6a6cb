-- Keyword texts by time (issue 21): the keyword sweep in campaign-core pages through the
-- recent ones to hand on again those whose answer and list join were lost in a crash.
create index inbound_message_keyword_idx on inbound_message (received_at, id) where kind = 'KEYWORD';
