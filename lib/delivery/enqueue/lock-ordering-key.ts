// For writers of the outbox: call inside the transaction, before inserting a row with an orderingKey.
// A row's seq is drawn when it is inserted, not when its transaction commits, so two writers of one key
// could otherwise commit out of seq order, and a worker that sees only the later row would send it
// first. Holding a transaction-scoped advisory lock per key makes seq order equal commit order for the
// key. (On PGlite there is one connection, so writers are serialized anyway; the call is harmless.)
import type { DbClient } from "../sql";

export async function lockOrderingKey(tx: DbClient, orderingKey: string): Promise<void> {
  await lockOrderingKeys(tx, [orderingKey]);
}

/** The keys of one row or a batch, in one statement; sorted, so two writers never wait on each other in a loop. */
export async function lockOrderingKeys(tx: DbClient, orderingKeys: readonly string[]): Promise<void> {
  if (orderingKeys.length === 0) return;
  const keys = [...new Set(orderingKeys)].sort();
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;
}
