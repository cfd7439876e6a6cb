-- The two-way inbox (issue 20): one conversation per number (the texts received from it and
-- sent to it), with who looks after it, whether it is done, internal notes and saved answers.

-- A conversation's state; absent until someone assigns, flags or closes it.
create table inbox_conversation (
    phone        varchar(40) primary key,
    assigned_to  varchar(64),
    assigned_by  varchar(64),
    assigned_at  timestamptz,
    -- Closed until the next text arrives (a text received after done_at reopens it).
    done_at      timestamptz,
    done_by      varchar(64),
    -- A person said the conversation needs an answer; cleared by the next answer.
    flagged_at   timestamptz,
    flagged_by   varchar(64)
);
create index inbox_conversation_assigned_idx on inbox_conversation (assigned_to) where assigned_to is not null;

-- Internal notes on a conversation: never sent to the person.
create table inbox_note (
    id         bigint generated always as identity primary key,
    phone      varchar(40) not null,
    body       varchar(2000) not null,
    written_by varchar(64) not null,
    written_at timestamptz not null default now()
);
create index inbox_note_phone_idx on inbox_note (phone, written_at);

-- Answers written once and used by everyone, with merge fields ({{first_name|there}}).
create table inbox_saved_answer (
    id         bigint generated always as identity primary key,
    title      varchar(100) not null,
    body       varchar(1600) not null,
    created_by varchar(64) not null,
    updated_at timestamptz not null default now(),
    constraint inbox_saved_answer_title_unique unique (title)
);

