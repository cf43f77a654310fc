-- Which org unit a person works in, and since when: one row per period, the open one (valid_to
-- null) being the current unit. Keyed by platform account, not by member, so an administrator's
-- import can name people before their first launch. Statements and Ask the community read the unit
-- valid at the time of each act; a reorganisation adds rows and rewrites none.
create table org_unit_assignment (
    id          varchar(36)   not null primary key,
    issuer      varchar(255)  not null,
    subject     varchar(255)  not null,
    unit_id     varchar(100)  not null,
    unit_path   varchar(1000) not null,
    -- what people read, e.g. "Children's Hospital / Nursing / Ward 4B"; never sent to an LRS
    unit_name   varchar(300),
    source      varchar(16)   not null,
    valid_from  timestamp with time zone not null,
    valid_to    timestamp with time zone,
    constraint org_unit_assignment_source check (source in ('LAUNCH', 'IMPORT')),
    constraint org_unit_assignment_period unique (issuer, subject, valid_from)
);
create index org_unit_assignment_unit on org_unit_assignment (unit_id);
