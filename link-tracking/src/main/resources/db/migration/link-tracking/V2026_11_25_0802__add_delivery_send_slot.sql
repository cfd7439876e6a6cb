-- The hour of the week, in the recipient's time zone, when each message arrived (0 = Monday 00h,
-- 167 = Sunday 23h): the best-time-to-send heat map counts messages and human clickers by it.
alter table link_delivery add column local_slot smallint check (local_slot between 0 and 167);
