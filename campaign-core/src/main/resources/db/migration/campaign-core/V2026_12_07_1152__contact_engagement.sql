-- What each contact last did, across campaigns (issue 20): segment rules "clicked / bought /
-- replied ... in the last N days" or "ever" read one narrow row per contact instead of their
-- messages, links and hits, so counts over a million contacts stay live. Kept up to date
-- by EngagementSummary from the messages, hits, replies and conversions written since its
-- last run (progress below), and rebuilt from scratch daily (reclassified hits, corrected
-- replies). Times are the events' own: when sent, clicked, bought, received.
create table contact_engagement (
    contact_id         bigint primary key,
    last_sent_at       timestamptz,  -- a message taken by the provider (sent at)
    last_delivered_at  timestamptz,  -- a delivered message (sent at)
    last_click_at      timestamptz,  -- a human hit on one of their links
    last_conversion_at timestamptz,  -- a counted conversion
    last_redeemed_at   timestamptz,  -- a counted conversion with a coupon code
    last_response_at   timestamptz,  -- a text classified KEYWORD, QUERY or OTHER
    last_query_at      timestamptz   -- a text classified QUERY
) with (fillfactor = 80);

-- How far the summary has read each source: an id (hits, conversions, replies) or a time
-- (messages, by when they were sent or became final).
create table contact_engagement_progress (
    source   varchar(16) primary key check (source in ('CLICKS', 'CONVERSIONS', 'REPLIES', 'MESSAGES')),
    position bigint not null default 0,
    read_at  timestamptz
);
insert into contact_engagement_progress (source) values ('CLICKS'), ('CONVERSIONS'), ('REPLIES'), ('MESSAGES');
