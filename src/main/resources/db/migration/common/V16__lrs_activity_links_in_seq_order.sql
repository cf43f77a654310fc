-- The link rows of one activity in seq order, whatever their usage: an `activity` query with
-- related_activities reads them newest first from here and fetches each statement by its key, so a
-- page costs its own rows. The lookup index of V11 has the usage before the seq, so its rows of one
-- activity are in seq order only per usage, and PostgreSQL walked lrs_statement backwards instead,
-- fetching every statement until the page was full: 25,000 rows for a page of a community (2 % of
-- the statements) at 1 million statements. `usage` is last so that a query for some usages stays
-- an index-only scan.
create index lrs_statement_activity_in_order on lrs_statement_activity (tenant, activity_key, statement_seq, usage);
