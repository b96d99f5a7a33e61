// Claims due outbox rows for one channel under a lease. `FOR UPDATE SKIP LOCKED` lets any number of
// workers on one PostgreSQL claim at once without waiting on or double-claiming each other's rows
// (PGlite runs the same statement; it has one connection, so claims there simply take turns).
//
// A row is claimable when it is pending and due, its channel is not paused, its destination is healthy
// (circuit closed, not held by a rate limit) and below its in-flight limit, and it is the oldest
// undelivered row of its ordering key (docs/decisions/0041). The order is the scheduler's: nearest
// dueBy first (no deadline last), then the oldest nextAttemptAt, then insertion order.
// Rows whose lease lapsed are first returned to `pending` by reapExpiredLeases (release-leases.ts).
import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import type { ChannelName } from "../channel";
import { DB_NOW, type DbClient, intervalMs } from "../sql";
import { type ClaimedRow, type ClaimedRowRecord, toClaimedRow } from "./claimed-row";

export type ClaimOptions = {
  channel: ChannelName;
  workerId: string;
  limit: number;
  leaseMs: number;
  /** most rows of one destination in flight across all workers (soft: one claim may overshoot it) */
  maxInFlightPerDestination: number;
};

export const RETURNED = Prisma.sql`t.id, t."organizationId", t.channel, t.kind, t.destination, t.payload, t.attempts,
  t."orderingKey", t."occurredAt", t."createdAt", t."expiresAt", t."dueBy", t."lastErrorCode", t.seq, t."nextAttemptAt"`;

// Every filter that does not depend on the row is written uncorrelated, so PostgreSQL evaluates it once
// (an InitPlan or a hashed subplan) and walks the claim index in the scheduler's order, stopping at the
// LIMIT. Written as correlated anti-joins, the planner could not keep the index order through them and
// scanned and sorted every pending row on each claim: 156 ms on 100,000 queued rows instead of 0.6 ms
// (docs/decisions/0082).
/** The claim as one statement; exported for the query-plan test. */
export function claimStatement(options: ClaimOptions, only: { destination: string } | { healthy: true }): Prisma.Sql {
  const { channel, workerId, limit, leaseMs, maxInFlightPerDestination } = options;
  const unhealthy =
    "healthy" in only
      ? Prisma.sql`UNION ALL
          SELECT s.destination FROM "DestinationState" s
          WHERE s."consecutiveFailures" > 0 OR s."blockedUntil" > ${DB_NOW}`
      : Prisma.empty;
  const destination = "destination" in only ? Prisma.sql`AND d.destination = ${only.destination}` : Prisma.empty;
  return Prisma.sql`
    WITH picked AS (
      SELECT d.id FROM "Delivery" d
      WHERE d.channel = ${channel}
        AND d.state = 'pending'
        AND d."nextAttemptAt" <= ${DB_NOW}
        ${destination}
        AND NOT EXISTS (SELECT 1 FROM "ChannelControl" c WHERE c.channel = ${channel} AND c.paused)
        AND d.destination NOT IN (
          SELECT f.destination FROM "Delivery" f
          WHERE f.state = 'in_flight' AND f.channel = ${channel}
          GROUP BY f.destination HAVING count(*) >= ${maxInFlightPerDestination}
          ${unhealthy})
        AND (d."orderingKey" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "Delivery" p
          WHERE p."orderingKey" = d."orderingKey" AND p.seq < d.seq AND p.state IN ('pending', 'in_flight')))
      ORDER BY d."dueBy" ASC NULLS LAST, d."nextAttemptAt" ASC, d.seq ASC
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "Delivery" AS t
    SET state = 'in_flight', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${DB_NOW} + ${intervalMs(leaseMs)},
        attempts = t.attempts + 1, "updatedAt" = ${DB_NOW}
    FROM picked
    WHERE t.id = picked.id AND t.state = 'pending'
    RETURNING ${RETURNED}`;
}

/** Claims up to `limit` due rows of healthy destinations. */
export async function claimDueDeliveries(db: DbClient, options: ClaimOptions): Promise<ClaimedRow[]> {
  if (options.limit <= 0) return [];
  const rows = await db.$queryRaw<ClaimedRowRecord[]>(claimStatement(options, { healthy: true }));
  return rows.sort(schedulerOrder).map((row) => toClaimedRow(row, false));
}

/**
 * Half-open circuits: for each destination that has failed and whose block has run out, one worker
 * wins the probe (the DestinationState row is re-blocked for a lease while the probe flies) and sends
 * one row. Every other worker keeps its hands off until the probe reports, so a recovering endpoint
 * sees one request, not every worker's backlog at once.
 */
export async function claimProbeDeliveries(db: Db, options: Omit<ClaimOptions, "limit">): Promise<ClaimedRow[]> {
  return db.$transaction(async (tx) => {
    const probes = await tx.$queryRaw<{ destination: string }[]>`
      UPDATE "DestinationState" s
      SET "blockedUntil" = ${DB_NOW} + ${intervalMs(options.leaseMs)}, "updatedAt" = ${DB_NOW}
      WHERE s."consecutiveFailures" > 0
        AND (s."blockedUntil" IS NULL OR s."blockedUntil" <= ${DB_NOW})
        AND EXISTS (SELECT 1 FROM "Delivery" d
                    WHERE d.destination = s.destination AND d.channel = ${options.channel}
                      AND d.state = 'pending' AND d."nextAttemptAt" <= ${DB_NOW})
      RETURNING s.destination`;
    const claimed: ClaimedRow[] = [];
    for (const { destination } of probes) {
      const rows = await tx.$queryRaw<ClaimedRowRecord[]>(claimStatement({ ...options, limit: 1 }, { destination }));
      if (rows.length === 0) {
        // Nothing of ours was claimable after all (ordering, in-flight limit): give the probe back.
        await tx.$executeRaw`UPDATE "DestinationState" SET "blockedUntil" = ${DB_NOW}, "updatedAt" = ${DB_NOW}
                             WHERE destination = ${destination}`;
      }
      claimed.push(...rows.map((row) => toClaimedRow(row, true)));
    }
    return claimed;
  });
}

/**
 * Whether any destination's circuit is half open (failed, block run out). The common answer is no: one
 * cheap read per claim round spares every channel the probe transaction.
 */
export async function anyHalfOpenCircuit(db: DbClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "DestinationState"
    WHERE "consecutiveFailures" > 0 AND ("blockedUntil" IS NULL OR "blockedUntil" <= ${DB_NOW}) LIMIT 1`;
  return row !== undefined;
}

// UPDATE … RETURNING gives rows in no promised order; batches are built in the scheduler's order.
function schedulerOrder(a: ClaimedRowRecord, b: ClaimedRowRecord): number {
  const due = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
  return (
    due(a.dueBy) - due(b.dueBy) ||
    a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
    (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0)
  );
}
