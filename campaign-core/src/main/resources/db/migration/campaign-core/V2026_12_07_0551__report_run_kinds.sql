-- Weekly and monthly summaries beside the daily one (campaign-core module, reports): each
-- scheduled period is claimed once per kind, whichever instance comes first.
alter table report_run drop constraint report_run_kind_check;
alter table report_run add constraint report_run_kind_check
    check (kind in ('DAILY', 'WEEKLY', 'MONTHLY', 'ON_DEMAND'));
drop index report_run_daily_idx;
create unique index report_run_period_idx on report_run (kind, period_from) where kind <> 'ON_DEMAND';
