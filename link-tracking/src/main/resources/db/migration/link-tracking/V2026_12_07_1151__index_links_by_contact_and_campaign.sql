-- Segments on behaviour (issue 20): "clicked in campaign X" finds one contact's links of that
-- campaign, then their clicks by link (link_click_link_idx); conversions by contact already
-- have conversion_contact_idx.
create index short_link_contact_campaign_idx on short_link (contact_id, campaign_id) include (id, message_id)
    where contact_id is not null;
drop index short_link_contact_idx;
