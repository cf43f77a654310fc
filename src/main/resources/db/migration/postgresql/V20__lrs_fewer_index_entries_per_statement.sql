-- Fewer index entries for each statement the LRS stores: it wrote 24 (9 for the statement, and 2 or
-- 3 for each of its 5 to 6 link rows), and checked each link row's statement through its foreign
-- key (a lookup and a row lock on lrs_statement per link row). Queries read the same indexes as
-- before; only the copies go. Flyway runs this at start-up, before the tool serves: the tables are
-- locked while the indexes are built again (11 s for 1.2 million statements on a 2-core machine).
--
-- The link rows' foreign keys go. The store writes a statement and its links in one transaction,
-- and nothing deletes statements, so the check never found anything; the cascade had nothing to do.
alter table lrs_statement_agent drop constraint lrs_statement_agent_statement_seq_fkey;
alter table lrs_statement_activity drop constraint lrs_statement_activity_statement_seq_fkey;

-- Each link table's primary key becomes its query index, which is just as unique (a statement names
-- an agent or activity once per usage), instead of being an index beside it that no query reads.
alter table lrs_statement_agent drop constraint lrs_statement_agent_pkey;
drop index lrs_statement_agent_lookup;
alter table lrs_statement_agent
    add constraint lrs_statement_agent_pkey primary key (tenant, agent_key, usage, statement_seq);
alter table lrs_statement_activity drop constraint lrs_statement_activity_pkey;
drop index lrs_statement_activity_in_order;
alter table lrs_statement_activity
    add constraint lrs_statement_activity_pkey primary key (tenant, activity_key, statement_seq, usage);

-- Voiding statements and StatementRefs are few: only they are indexed by what they refer to.
-- Lookups by a target (`= ?`, `in (...)`) imply `is not null`, so PostgreSQL uses these indexes.
drop index lrs_statement_by_voiding_target;
create index lrs_statement_by_voiding_target on lrs_statement (tenant, voiding_target)
    where voiding_target is not null;
drop index lrs_statement_by_object_statement;
create index lrs_statement_by_object_statement on lrs_statement (tenant, object_statement_id)
    where object_statement_id is not null;
