-- Every instance reads the links of messages delivered in the last seconds into its cache, once a
-- second: a recipient's first tap is then answered from memory.
create index link_delivery_time_idx on link_delivery (delivered_at);
