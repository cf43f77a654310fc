-- What a login needs to be begun again in a new window when the browser kept neither the state
-- cookie nor platform storage (third-party cookies blocked, no lti_storage_target).
alter table lti_login_state add column login_hint varchar(2000);
alter table lti_login_state add column message_hint varchar(4000);
alter table lti_login_state add column deployment_id varchar(255);

-- A verified launch, kept so that the tool's pages can carry a short signed token instead of a
-- session cookie (third-party cookies are blocked in LMS iframes). `launch` holds the plain values
-- handed to the rest of the tool, `services` the LTI service claims only the lti package reads.
-- A launch bound through platform storage waits for the browser to prove it holds the state:
-- `binding_hash` is set until then.
create table lti_launch_session (
    id           varchar(36)    not null primary key,
    platform_id  varchar(36)    not null references lti_platform (id) on delete cascade,
    launch       varchar(16000) not null,
    services     varchar(16000) not null,
    binding_hash varchar(64),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
create index lti_launch_session_expires on lti_launch_session (expires_at);

-- A person, keyed by their platform account (issuer, subject), never by the subject alone.
create table member (
    id            varchar(36)  not null primary key,
    issuer        varchar(255) not null,
    subject       varchar(255) not null,
    name          varchar(200),
    first_seen_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    constraint member_account unique (issuer, subject)
);

-- A member's roles in one LMS course context, learnt from launches and from roster syncs (NRPS).
-- The context is named by the platform registration and the context id the platform gives it.
create table membership (
    id          varchar(36)  not null primary key,
    member_id   varchar(36)  not null references member (id) on delete cascade,
    platform_id varchar(36)  not null,
    context_id  varchar(255) not null,
    roles       varchar(200) not null,
    source      varchar(16)  not null,
    active      boolean      not null,
    updated_at  timestamp with time zone not null,
    constraint membership_member_context unique (member_id, platform_id, context_id),
    constraint membership_source check (source in ('LAUNCH', 'ROSTER'))
);
create index membership_context on membership (platform_id, context_id);
