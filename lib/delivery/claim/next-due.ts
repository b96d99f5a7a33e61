// How long an idle worker may sleep: until the next row falls due, a lease lapses, or a destination's
// block ends, whichever is first, capped by the poll interval. Only future times count for rows and
// blocks, so rows that are due but not claimable (ordering, in-flight limit) never make the worker spin;
// their release arrives as a wake-up instead. A lease that has already lapsed counts too, as due when the
// worker may next reap (`reapInMs`: it reaps at most once a second): otherwise a worker that woke at a
// lease's end just after its last reap would sleep the whole poll interval before taking the rows back.
import { DB_NOW, type DbClient, intervalMs } from "../sql";

export async function msUntilNextDue(db: DbClient, capMs: number, reapInMs = 0): Promise<number> {
  const [row] = await db.$queryRaw<{ ms: number | null }[]>`
    SELECT (EXTRACT(EPOCH FROM (LEAST(
      (SELECT min("nextAttemptAt") FROM "Delivery" WHERE state = 'pending' AND "nextAttemptAt" > ${DB_NOW}),
      (SELECT GREATEST(min("leaseExpiresAt"), ${DB_NOW} + ${intervalMs(reapInMs)})
         FROM "Delivery" WHERE state = 'in_flight'),
      (SELECT min("blockedUntil") FROM "DestinationState" WHERE "blockedUntil" > ${DB_NOW})
    ) - ${DB_NOW})) * 1000)::double precision AS ms`;
  const ms = row?.ms;
  if (ms === null || ms === undefined) return capMs;
  // A few milliseconds late rather than early: waking just before the time claims nothing.
  return Math.min(capMs, Math.max(0, Math.ceil(ms) + 5));
}
