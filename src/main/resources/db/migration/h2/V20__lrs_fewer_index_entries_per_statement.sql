-- As db/migration/postgresql/V20: each link table's primary key becomes its query index instead of
-- an index beside it that no query reads. H2 keeps the rest: it has no partial indexes, and it
-- named V11's foreign keys itself (the embedded default does not meet PostgreSQL's write rates).
alter table lrs_statement_agent drop primary key;
drop index lrs_statement_agent_lookup;
alter table lrs_statement_agent
    add constraint lrs_statement_agent_pkey primary key (tenant, agent_key, usage, statement_seq);
alter table lrs_statement_activity drop primary key;
drop index lrs_statement_activity_in_order;
alter table lrs_statement_activity
    add constraint lrs_statement_activity_pkey primary key (tenant, activity_key, statement_seq, usage);
