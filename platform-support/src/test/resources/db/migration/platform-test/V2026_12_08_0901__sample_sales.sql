-- Raw rows and a rolled table kept by blocks, as a module would declare them (tests only).
create table sample_sale (
    id          bigint primary key,
    campaign_id bigint not null,
    item        bigint not null,
    amount      numeric(10, 2) not null,
    txid        bigint not null default pg_current_xact_id()::text::bigint
);
create index sample_sale_txid_idx on sample_sale using brin (txid);
create table sample_sale_total (
    campaign_id bigint not null,
    item_group  integer not null,
    sales       bigint not null,
    amount      numeric(14, 2) not null,
    primary key (campaign_id, item_group)
);
create table sample_sale_total_block (
    campaign_id bigint not null,
    block       bigint not null,
    item_group  integer not null,
    sales       bigint not null,
    amount      numeric(14, 2) not null,
    primary key (campaign_id, block, item_group)
);
