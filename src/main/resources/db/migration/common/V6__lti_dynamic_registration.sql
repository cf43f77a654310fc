-- LTI Dynamic Registration. A platform registered from a host outside lti.registration.allowed-hosts
-- waits for an administrator's approval (PENDING) and accepts no launch until then; platforms
-- registered by hand are approved by the administrator who enters them. The scopes the platform
-- granted (space-separated, as OAuth writes them) decide which LTI services the tool may call, and
-- the OpenID configuration URL (without its query) says where a dynamic registration came from.
alter table lti_platform add column approval varchar(16) default 'APPROVED' not null;
alter table lti_platform add constraint lti_platform_approval check (approval in ('APPROVED', 'PENDING'));
alter table lti_platform add column granted_scopes varchar(2000);
alter table lti_platform add column registered_from varchar(2000);
