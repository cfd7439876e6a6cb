-- Issue 21: an A/B decision is a durable job until winner_finished_at is set: the clock
-- resumes a winner send (or a stop) that a crash interrupted. Decisions already carried
-- out (nobody waiting) are marked done; stalled ones are picked up.
alter table campaign add column winner_finished_at timestamptz;
update campaign set winner_finished_at = coalesce(ab_decided_at, winner_chosen_at, now())
where (winner_variant is not null or ab_outcome is not null) and waiting_count = 0;
create index campaign_ab_unfinished_idx on campaign (id)
    where winner_finished_at is null and (winner_variant is not null or ab_outcome is not null);

-- Those who waited and were left out of the winner send: suppressed meanwhile, outside
-- their hours, or no longer in the audience. Nobody stays WAITING once it is done.
alter table campaign_recipient drop constraint campaign_recipient_role_check;
alter table campaign_recipient add constraint campaign_recipient_role_check
    check (role in ('HOLDOUT', 'CAPPED', 'WAITING', 'SENT', 'STOPPED', 'SKIPPED'));
