-- Written by hand (Prisma does not manage functions; `npm run db:diff` ignores them).
-- Raised by a write planned from rows read without a lock when one of them changed since it was read
-- (lib/db/one-statement.ts, asOneStatementIfUnchanged): the error undoes the whole statement, and the
-- caller reads and plans again. Plain SQL has no way to raise an error of its own; this is the one place.
-- VOLATILE, so the planner never evaluates it ahead of the CASE that decides whether it runs.
CREATE OR REPLACE FUNCTION "signalhouse_stale_read"() RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION 'a row changed after it was read' USING ERRCODE = 'SH409';
END;
$$;
