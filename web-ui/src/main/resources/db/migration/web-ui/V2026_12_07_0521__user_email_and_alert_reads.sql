-- Alerts by e-mail reach a campaign's owner at this address (web-ui module).
alter table platform_user add column email varchar(254);

-- The notification centre: per user, the newest alert they have seen (marked read);
-- the unread count is the alerts raised after it.
create table alert_read_mark (
    username           varchar(64) primary key,
    last_read_alert_id bigint not null,
    read_at            timestamptz not null default now()
);
