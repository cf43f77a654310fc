-- The embedded LRS's documents: State, Activity Profile and Agent Profile, one table for the three
-- kinds. A document lives in a scope (its kind, activity IRI and/or agent key, see AgentKeys) and,
-- for State, a registration; within it its id names it. Each belongs to one tenant, and every query
-- filters by tenant, so one tenant's credentials never reach another's documents.
-- IRIs and agent keys have no length limit worth indexing (PostgreSQL refuses index entries over
-- ~2.7 kB), so `scope_key` (SHA-256 hex of kind, activity and agent key) stands for the scope in
-- the indexes; `registration` is '' when there is none, so the unique key holds without NULLs.
-- `content` is bytea: H2 reads it as BINARY VARYING and PostgreSQL as bytea, both up to the LRS's
-- 10 MiB limit. `etag` is the SHA-1 hex of the content, as xAPI 1.0.3 requires.
create table lrs_document (
    id           varchar(36)   not null primary key,
    tenant       varchar(64)   not null,
    kind         varchar(20)   not null,
    scope_key    varchar(64)   not null,
    activity_id  varchar(2048),
    agent_key    varchar(2048),
    registration varchar(36)   not null,
    document_id  varchar(255)  not null,
    content_type varchar(255)  not null,
    content      bytea         not null,
    etag         varchar(40)   not null,
    updated_at   timestamp with time zone not null,
    constraint lrs_document_kind check (kind in ('STATE', 'ACTIVITY_PROFILE', 'AGENT_PROFILE')),
    constraint lrs_document_address unique (tenant, scope_key, registration, document_id)
);
-- ids of a scope changed since a time (GET without an id, with `since`)
create index lrs_document_since on lrs_document (tenant, scope_key, updated_at);
