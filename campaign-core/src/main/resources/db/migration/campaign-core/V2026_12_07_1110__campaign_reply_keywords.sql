-- Reply keywords (issue 20, wt-keywords): a campaign, or one of its variants, declares words
-- people may text back ("Reply SHOES for the catalogue"). A keyword is unique per sender while
-- its campaign is active; saves take an advisory lock per sender, so two saves cannot both
-- take the same word.
create table campaign_keyword (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    position    smallint not null,
    keyword     varchar(20) not null check (keyword = upper(keyword) and length(keyword) >= 2),
    variant     varchar(1),              -- null: the whole campaign
    answer      text,                    -- the automatic answer (merge fields), or null
    list_id     bigint,                  -- the contact list people are added to (no FK: contact module)
    unique (campaign_id, keyword)
);
create index campaign_keyword_by_word on campaign_keyword (keyword);

-- The automatic answers given: one per keyword, number and day, whatever the number texts.
create table campaign_keyword_answer (
    keyword_id  bigint not null references campaign_keyword (id) on delete cascade,
    phone       varchar(32) not null,
    day         date not null,
    inbound_id  bigint not null,         -- the text that asked (inbound_message, messaging)
    message_id  bigint,                  -- the answer queued (outbound_message, messaging)
    answered_at timestamptz not null default now(),
    primary key (keyword_id, phone, day)
);
