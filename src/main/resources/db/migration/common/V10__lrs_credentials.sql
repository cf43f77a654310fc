-- Who may use the embedded learning record store (/xapi): one client per key, with its scopes and
-- the tenant whose statements and documents it sees (a tenant never sees another's). The secret is
-- 32 random bytes made by the tool and shown once, so a SHA-256 hash is enough to keep it (slow
-- password hashes guard guessable passwords; they would cost every LRS request milliseconds).
create table lrs_credential (
    id          varchar(36)  not null primary key,
    tenant      varchar(64)  not null,
    name        varchar(200) not null,
    client_key  varchar(64)  not null,
    secret_hash varchar(64)  not null,
    scopes      varchar(500) not null,
    enabled     boolean      not null,
    created_at  timestamp with time zone not null,
    constraint lrs_credential_key unique (client_key)
);
