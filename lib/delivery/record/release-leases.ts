// The other half of a lease's life: renewing it while held, giving it back unsent, and taking back the
// rows of a worker that stopped without recording a result. Every write is guarded by the lease owner
// (or by the lease having lapsed), so none of them can touch a row another worker holds.

import { Prisma } from "../../generated/prisma/client";
import { LEASE_EXPIRED_CODE } from "../claim/claimed-row";
import { DB_NOW, type DbClient, intervalMs } from "../sql";
import { RETRY_BACKOFF } from "./backoff";

/**
 * Pushes out the expiry of the rows this worker still holds, in one statement for all of them, and
 * returns the ids it renewed. A row this worker is recording right now is locked by that record and
 * skipped (SKIP LOCKED): the record ends the lease anyway, and the renewal never waits on it or
 * deadlocks with it. For rows sent as a half-open circuit's probe (`probeIds`) the destination's probe
 * block is pushed out too, so a probe that takes longer than one lease is not joined by a second one,
 * while a dead prober's block lapses as quickly as its row's lease.
 */
export async function renewLeases(
  db: DbClient,
  workerId: string,
  ids: string[],
  leaseMs: number,
  probeIds: string[] = [],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const until = Prisma.sql`${DB_NOW} + ${intervalMs(leaseMs)}`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH renewed AS (
      UPDATE "Delivery" SET "leaseExpiresAt" = ${until}, "updatedAt" = ${DB_NOW}
      WHERE id IN (SELECT id FROM "Delivery"
                   WHERE id = ANY(${ids}::text[]) AND "leaseOwner" = ${workerId} AND state = 'in_flight'
                   FOR UPDATE SKIP LOCKED)
      RETURNING id, destination
    ), probes AS (
      UPDATE "DestinationState" s
      SET "blockedUntil" = GREATEST(COALESCE(s."blockedUntil", ${until}), ${until}), "updatedAt" = ${DB_NOW}
      WHERE s."consecutiveFailures" > 0
        AND s.destination IN (SELECT destination FROM renewed WHERE id = ANY(${probeIds}::text[]))
      RETURNING 1
    )
    SELECT id FROM renewed`;
  return rows.map((r) => r.id);
}

/**
 * Gives rows back without an outcome (shutdown, a rate-limit window that is full). `unsent` rows never
 * reached the board, so their claim does not count as an attempt.
 */
export async function releaseLeases(
  db: DbClient,
  workerId: string,
  ids: string[],
  options: { unsent: boolean; notBefore?: Date },
): Promise<number> {
  if (ids.length === 0) return 0;
  const undo = options.unsent ? 1 : 0;
  const notBefore = options.notBefore ?? null;
  return db.$executeRaw`
    UPDATE "Delivery"
    SET state = 'pending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL,
        attempts = GREATEST(0, attempts - ${undo}),
        "nextAttemptAt" = COALESCE(${notBefore}::timestamp(3), "nextAttemptAt"), "updatedAt" = ${DB_NOW}
    WHERE id = ANY(${ids}::text[]) AND "leaseOwner" = ${workerId} AND state = 'in_flight'`;
}

/**
 * Rows whose lease lapsed go back to `pending`, marked LEASE_EXPIRED so the next claimer sends each
 * alone. The first lapse is taken as an accident (a deploy, a killed process) and the row is due at
 * once; later ones wait a full-jitter pause on the curve of backoff.ts, so a row that kills every worker
 * that sends it can neither take a batch with it nor spin. Rows past the dead age go to `dead` instead.
 * Any worker may run this at any time; it is what makes a crashed worker's rows come back without a
 * restart.
 */
export async function reapExpiredLeases(
  db: DbClient,
  deadAfterMs: number,
  /**
   * The reaping worker's own rows that it is still sending or recording: it does not take those back
   * from itself (that would only send them twice); its renewal revives their lease when it gets through.
   * Other workers, which cannot know it is alive, still take them back.
   */
  spare?: { workerId: string; ids: string[] },
): Promise<number> {
  const { baseMs, capMs } = RETRY_BACKOFF;
  return db.$executeRaw`
    UPDATE "Delivery"
    SET state = CASE WHEN "createdAt" <= ${DB_NOW} - ${intervalMs(deadAfterMs)}
                     THEN 'dead'::"DeliveryState" ELSE 'pending'::"DeliveryState" END,
        "nextAttemptAt" = ${DB_NOW} + CASE WHEN attempts <= 1 THEN make_interval() ELSE make_interval(secs => random() *
          LEAST(${capMs}::double precision, ${baseMs}::double precision * power(2, LEAST(attempts - 2, 60))) / 1000) END,
        "lastErrorCode" = ${LEASE_EXPIRED_CODE},
        "lastError" = 'worker ' || COALESCE("leaseOwner", '?') || ' stopped before recording a result; the row was taken back',
        "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${DB_NOW}
    WHERE state = 'in_flight' AND "leaseExpiresAt" < ${DB_NOW}
      AND NOT ("leaseOwner" IS NOT DISTINCT FROM ${spare?.workerId ?? null}::text AND id = ANY(${spare?.ids ?? []}::text[]))`;
}
