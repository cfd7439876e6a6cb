-- Issue 18: A/B tests decide by a sequential test (mSPRT, always-valid p-values) at a
-- confidence, with a minimum sample per variant, and follow a rule when the window ends
-- without a significant winner. Null settings on older campaigns read as the defaults.
alter table campaign
    add column winner_confidence  numeric(4, 1) check (winner_confidence >= 50 and winner_confidence < 100),
    add column winner_min_sample  integer check (winner_min_sample >= 10),
    add column winner_fallback    varchar(16)
        check (winner_fallback in ('SEND_CONTROL', 'SEND_HIGHER_RATE', 'STOP')),
    -- how the test ended: SIGNIFICANT, SEND_CONTROL, SEND_HIGHER_RATE or STOP, and why
    add column ab_outcome         varchar(16),
    add column ab_explanation     varchar(500),
    add column ab_decided_at      timestamptz;

-- Each variant's figures and always-valid p-value at the latest look. The p-value only
-- ever falls (the minimum over all looks), which keeps it valid under repeated looks.
create table campaign_ab_look (
    campaign_id     bigint not null references campaign (id) on delete cascade,
    variant         varchar(8) not null,
    delivered       bigint not null,
    successes       bigint not null,
    always_valid_p  double precision,
    looked_at       timestamptz not null,
    primary key (campaign_id, variant)
);

-- Recipients who waited for a test that stopped without a winner: never sent.
alter table campaign_recipient drop constraint campaign_recipient_role_check;
alter table campaign_recipient add constraint campaign_recipient_role_check
    check (role in ('HOLDOUT', 'CAPPED', 'WAITING', 'SENT', 'STOPPED'));
