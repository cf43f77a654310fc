-- The relay claims a destination's PENDING rows oldest first. An index of just those rows is the
-- claim's plan whatever the statistics say: with (destination, status, statement_seq) and
-- statistics taken while a backlog waited, PostgreSQL walks the primary key through every
-- delivered row of the destination instead, at each claim. It stays as small as the backlog, and a
-- delivered row gets no new entry in it. Set-aside rows, which administrators list, get their own.
-- H2 has no partial indexes: it keeps the index of V8 (db/migration/h2/V19).
drop index statement_delivery_by_status;
create index statement_delivery_pending on statement_delivery (destination, statement_seq)
    where status = 'PENDING';
create index statement_delivery_set_aside on statement_delivery (destination, statement_seq)
    where status in ('REJECTED', 'CONFLICT');
