-- A community of practice. It is not an LMS course: one community can be reached from several
-- courses on several platforms, which is how it bridges silos. The first launch from a course
-- context founds one, named after the course; a facilitator can rename it and link other contexts.
create table community (
    id         varchar(36)  not null primary key,
    name       varchar(200) not null,
    created_at timestamp with time zone not null
);

-- The LMS course contexts whose launches enter a community.
create table community_context (
    platform_id  varchar(36)  not null references lti_platform (id) on delete cascade,
    context_id   varchar(255) not null,
    community_id varchar(36)  not null references community (id) on delete cascade,
    linked_at    timestamp with time zone not null,
    primary key (platform_id, context_id)
);
create index community_context_community on community_context (community_id);

-- Who takes part in a community, since when, and in which community role (participant,
-- facilitator, ...); joining is what the "joined" statement reports, once per member.
create table community_member (
    community_id varchar(36) not null references community (id) on delete cascade,
    member_id    varchar(36) not null references member (id) on delete cascade,
    role         varchar(16) not null,
    joined_at    timestamp with time zone not null,
    primary key (community_id, member_id),
    constraint community_member_role check (role in ('PARTICIPANT', 'CONTRIBUTOR', 'FACILITATOR', 'CORE', 'SPONSOR'))
);
create index community_member_member on community_member (member_id);
