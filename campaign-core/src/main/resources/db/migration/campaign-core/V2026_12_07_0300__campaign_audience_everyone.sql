-- "Everyone subscribed" is an explicit choice of a campaign's audience. A campaign with no
-- segment, no list and not everyone sends to nobody (existing drafts without an audience
-- stay that way: nothing changes silently).
alter table campaign add column audience_everyone boolean not null default false;
