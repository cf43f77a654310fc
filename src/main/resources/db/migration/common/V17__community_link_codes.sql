-- A facilitator links another course to their community with a short code: issued in the
-- community, entered by a facilitator of the other course. Only the code's SHA-256 is kept; a code
-- works once, for a day.
create table community_link_code (
    code_hash    varchar(64) not null primary key,
    community_id varchar(36) not null references community (id) on delete cascade,
    issued_by    varchar(36) not null references member (id) on delete cascade,
    issued_at    timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index community_link_code_community on community_link_code (community_id);
