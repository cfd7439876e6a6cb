-- Each mark counts: a recompute clears the mark only if none came since it read the count,
-- so the mark is cleared in the recompute's transaction without making writers wait for it.
alter table click_rollup_state add column marks bigint not null default 0;
