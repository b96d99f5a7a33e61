// How long an idle worker may sleep: until the next row falls due, a lease lapses, or a destination's
// block ends, whichever is first, capped by the poll interval. Only future times count, so rows that
// are due but not claimable (ordering, in-flight limit) never make the worker spin; their release
// arrives as a wake-up instead.
import { DB_NOW, type DbClient } from "./sql";

export async function msUntilNextDue(db: DbClient, capMs: number): Promise<number> {
  const [row] = await db.$queryRaw<{ ms: number | null }[]>`
    SELECT (EXTRACT(EPOCH FROM (LEAST(
      (SELECT min("nextAttemptAt") FROM "Delivery" WHERE state = 'pending' AND "nextAttemptAt" > ${DB_NOW}),
      (SELECT min("leaseExpiresAt") FROM "Delivery" WHERE state = 'in_flight' AND "leaseExpiresAt" > ${DB_NOW}),
      (SELECT min("blockedUntil") FROM "DestinationState" WHERE "blockedUntil" > ${DB_NOW})
    ) - ${DB_NOW})) * 1000)::double precision AS ms`;
  const ms = row?.ms;
  if (ms === null || ms === undefined) return capMs;
  // A few milliseconds late rather than early: waking just before the time claims nothing.
  return Math.min(capMs, Math.max(0, Math.ceil(ms) + 5));
}
