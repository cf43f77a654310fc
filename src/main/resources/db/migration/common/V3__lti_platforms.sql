-- LMS platforms registered with the tool, keyed by (issuer, client_id): hosted Canvas uses one
-- issuer for every customer. Deployments are recorded per platform; one first seen on a launch
-- waits for an administrator to confirm or block it.
create table lti_platform (
    id                varchar(36)   not null primary key,
    name              varchar(200)  not null,
    issuer            varchar(255)  not null,
    client_id         varchar(255)  not null,
    authorization_url varchar(2000) not null,
    token_url         varchar(2000) not null,
    keyset_url        varchar(2000) not null,
    enabled           boolean       not null,
    created_at        timestamp with time zone not null,
    constraint lti_platform_issuer_client unique (issuer, client_id)
);

create table lti_deployment (
    id            varchar(36)  not null primary key,
    platform_id   varchar(36)  not null references lti_platform (id) on delete cascade,
    deployment_id varchar(255) not null,
    status        varchar(16)  not null,
    first_seen_at timestamp with time zone not null,
    constraint lti_deployment_platform_deployment unique (platform_id, deployment_id),
    constraint lti_deployment_status check (status in ('CONFIRMED', 'RECORDED', 'BLOCKED'))
);
