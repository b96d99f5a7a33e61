// The outbox INSERT (enqueue-delivery.ts, deliveriesInsert) takes its rows' ordering-key locks itself.
// A row's seq is drawn when it is inserted, not when its transaction commits, so two writers of one key
// could otherwise commit out of seq order, and a worker that sees only the later row would send it
// first. Holding a transaction-scoped advisory lock per key makes seq order equal commit order for the
// key. Keys are locked sorted, so two writers never wait on each other in a loop. (On PGlite there is one
// connection, so writers are serialized anyway; the locks are then uncontended.)
import { Prisma } from "../../generated/prisma/client";

/**
 * A condition that takes the keys' locks when evaluated (always true), for the WHERE of the INSERT that
 * draws their rows' seq: the uncorrelated subquery is an InitPlan, run once before the first row is
 * produced, so every lock is held before any seq is drawn, in the same round trip as the insert.
 */
export function orderingKeysLocked(orderingKeys: readonly string[]): Prisma.Sql {
  const keys = [...new Set(orderingKeys)].sort();
  return Prisma.sql`(SELECT count(*) FROM (
      SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
    ) AS locks) >= 0`;
}
