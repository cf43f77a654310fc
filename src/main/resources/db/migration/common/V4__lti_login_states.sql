-- OIDC login initiation state, kept in the database so that any instance can finish a launch
-- another began. The state binds the browser (cookie or LTI platform storage); the nonce is single
-- use and checked against the id_token.
create table lti_login_state (
    state       varchar(64)   not null primary key,
    nonce       varchar(64)   not null,
    platform_id varchar(36)   not null references lti_platform (id) on delete cascade,
    target_link_uri varchar(2000) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    constraint lti_login_state_nonce unique (nonce)
);
create index lti_login_state_expires on lti_login_state (expires_at);
