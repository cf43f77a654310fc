-- Ask the community: questions, answers and up-votes. Free text (title, body, answers) stays here
-- and never goes to a learning record store. The asker's and answerer's org units are kept as they
-- were at the time (id and path of ids separated by '/'), so a reorganisation rewrites no history.
create table ask_question (
    id                  varchar(36)   not null primary key,
    community_id        varchar(36)   not null references community (id) on delete cascade,
    asker_id            varchar(36)   not null references member (id) on delete cascade,
    asker_unit_id       varchar(100)  not null,
    asker_unit_path     varchar(1000) not null,
    title               varchar(150)  not null,
    body                varchar(5000) not null,
    tags                varchar(250)  not null,
    urgency             varchar(16)   not null,
    asked_at            timestamp with time zone not null,
    accepted_answer_id  varchar(36),
    accepted_at         timestamp with time zone,
    helpfulness         integer,
    minutes_saved       integer,
    rated_at            timestamp with time zone,
    applied             boolean,
    applied_answered_at timestamp with time zone,
    constraint ask_question_urgency check (urgency in ('WHEN_YOU_CAN', 'THIS_WEEK', 'TODAY')),
    constraint ask_question_helpfulness check (helpfulness between 1 and 5),
    constraint ask_question_minutes_saved check (minutes_saved between 0 and 2400)
);
create index ask_question_community on ask_question (community_id, asked_at);
create index ask_question_asker on ask_question (asker_id);

create table ask_answer (
    id                 varchar(36)   not null primary key,
    question_id        varchar(36)   not null references ask_question (id) on delete cascade,
    answerer_id        varchar(36)   not null references member (id) on delete cascade,
    answerer_unit_id   varchar(100)  not null,
    answerer_unit_path varchar(1000) not null,
    body               varchar(5000) not null,
    votes              integer       not null,
    answered_at        timestamp with time zone not null
);
create index ask_answer_question on ask_answer (question_id, answered_at);
create index ask_answer_answerer on ask_answer (answerer_id);

-- One up-vote per member and answer.
create table ask_vote (
    answer_id varchar(36) not null references ask_answer (id) on delete cascade,
    member_id varchar(36) not null references member (id) on delete cascade,
    voted_at  timestamp with time zone not null,
    primary key (answer_id, member_id)
);
