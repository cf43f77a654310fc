-- (V6 is reserved for dynamic registration.)
-- Every call the tool makes to a platform's LTI services: roster reads (NRPS) and scores (AGS).
-- A call is written in the transaction that asks for it (a launch, an administrator) and performed
-- afterwards by the relay, so a slow or failing platform never blocks a learner. An instance takes
-- a call by a conditional update of `claim`/`claimed_until`, so instances sharing the database
-- never perform one call twice; a claim that outlives `claimed_until` (a crashed instance) lapses.
-- `once_key` lets a call be asked for once only (a learner's "started" in one line item).
-- `last_error` holds a status and a short reason, never a token.
create table lti_service_call (
    id              varchar(36)   not null primary key,
    platform_id     varchar(36)   not null references lti_platform (id) on delete cascade,
    kind            varchar(16)   not null,
    context_id      varchar(255),
    subject         varchar(255),
    target_url      varchar(2000) not null,
    payload         varchar(4000),
    once_key        varchar(64),
    status          varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    claim           varchar(36),
    claimed_until   timestamp with time zone,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    constraint lti_service_call_kind check (kind in ('ROSTER', 'SCORE')),
    constraint lti_service_call_status check (status in ('PENDING', 'DONE', 'FAILED'))
);
create index lti_service_call_due on lti_service_call (status, next_attempt_at);
create index lti_service_call_context on lti_service_call (platform_id, context_id, kind);
create index lti_service_call_once on lti_service_call (once_key);
