-- Revenue per currency (issue 15): conversions in different currencies are never added up here;
-- the reports convert each hour's amounts at the rate of its day, and keep apart (and show) what
-- has no rate.
create table campaign_revenue_hour (
    campaign_id bigint not null,
    variant     varchar(32) not null,          -- '' for none
    hour        timestamptz not null,          -- when the conversions occurred
    currency    char(3) not null,
    conversions bigint not null,               -- attributed conversions with a value in this currency
    amount      numeric(16, 2) not null,
    primary key (campaign_id, variant, hour, currency)
);
create index campaign_revenue_hour_hour_idx on campaign_revenue_hour (hour);
create index campaign_click_hour_hour_idx on campaign_click_hour (hour);

insert into campaign_revenue_hour (campaign_id, variant, hour, currency, conversions, amount)
select campaign_id, coalesce(variant, ''), date_trunc('hour', occurred_at, 'UTC'), currency, count(*), sum(value)
from conversion
where campaign_id is not null and attributed and value is not null and currency is not null
group by 1, 2, 3, 4;

alter table campaign_click_hour drop column revenue;
