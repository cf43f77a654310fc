-- The tool's own RSA key pairs for LTI (JWKS, deep-linking responses, service tokens).
-- The newest key still in service signs; a rotated-out key stays published until unpublish_at,
-- so platforms that cached the old key set keep verifying what was signed before the rotation.
create table lti_tool_key (
    kid           varchar(64)   not null primary key,
    public_jwk    varchar(2000) not null,
    private_jwk   varchar(8000) not null,
    created_at    timestamp with time zone not null,
    unpublish_at  timestamp with time zone
);
