-- Written by hand (Prisma does not manage triggers; `npm run db:diff` ignores them).
-- Any writer of the outbox wakes the delivery workers when its transaction commits: PostgreSQL holds
-- NOTIFY until COMMIT and drops it on ROLLBACK, so a worker never wakes for a row it cannot see yet.
-- One notification per INSERT statement (not per row): a batch insert of 10,000 rows wakes once.
-- Workers LISTEN on "signalhouse_delivery" (lib/delivery/wake.ts); polling is only the fallback.
CREATE OR REPLACE FUNCTION "signalhouse_notify_delivery"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('signalhouse_delivery', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Delivery_notify_after_insert"
AFTER INSERT ON "Delivery"
FOR EACH STATEMENT
EXECUTE FUNCTION "signalhouse_notify_delivery"();
