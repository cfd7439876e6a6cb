-- A campaign's cascade (issue 19): the channels tried in turn for each recipient, cheapest
-- first per country or as listed. No row: the campaign sends on its sender's channel only.
alter table campaign add column cascade_order varchar(16)
    check (cascade_order in ('MANUAL', 'CHEAPEST'));

create table campaign_cascade_step (
    campaign_id        bigint not null references campaign (id) on delete cascade,
    position           smallint not null,
    sender             varchar(64) not null,
    timeout_minutes    integer not null check (timeout_minutes between 1 and 4320),
    delivered_when     varchar(16) not null check (delivered_when in ('DELIVERED', 'READ')),
    body               text,          -- RCS: its own text (null: the variant's)
    template_sid       varchar(34),   -- WhatsApp: the approved template
    template_variables jsonb,         -- {"1": "{{first_name|there}}"}
    primary key (campaign_id, position)
);
