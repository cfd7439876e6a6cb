-- The later steps of cascades that wait to go out: few rows, for the sweep that withdraws
-- those an earlier delivered step outdid (a crash came between the delivery and the withdrawal).
create index outbound_message_waiting_step_idx on outbound_message (chain_root_id)
    where chain_root_id is not null and status in ('QUEUED', 'CLAIMED');
