-- The one administrator credential used until staff single sign-on arrives.
-- password_hash is self-describing (algorithm$iterations$salt$hash), so its parameters can change later.
create table administrator_credential (
    id            integer      not null primary key,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    created_at    timestamp with time zone not null,
    changed_at    timestamp with time zone not null,
    constraint administrator_credential_single check (id = 1)
);
