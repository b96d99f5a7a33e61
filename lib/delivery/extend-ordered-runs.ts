// For channels whose board takes a key's rows together in order (LinkedIn: up to 100 notes of one
// application per request, "in sequential order"), a claimed head of an ordering key brings along the
// rows right behind it: pending, due, consecutive (stopping at the first that is not), at most
// maxRun in all. The run stays one unit (group-batches.ts), so the key's order still holds.
import { Prisma } from "../generated/prisma/client";
import { RETURNED } from "./claim-due-deliveries";
import { type ClaimedRow, type ClaimedRowRecord, toClaimedRow } from "./claimed-row";
import { DB_NOW, type DbClient, intervalMs } from "./sql";

export async function extendOrderedRuns(
  db: DbClient,
  heads: readonly ClaimedRow[],
  options: { workerId: string; leaseMs: number; maxRun: number },
): Promise<ClaimedRow[]> {
  const headIds = heads.filter((h) => h.orderingKey !== null && !h.probe && !h.suspect).map((h) => h.id);
  if (headIds.length === 0 || options.maxRun <= 1) return [];
  const rows = await db.$queryRaw<ClaimedRowRecord[]>(Prisma.sql`
    WITH heads AS (
      SELECT h."orderingKey", h.seq FROM "Delivery" h
      WHERE h.id = ANY(${headIds}::text[]) AND h."leaseOwner" = ${options.workerId} AND h.state = 'in_flight'
    ),
    followers AS (
      SELECT d.id, row_number() OVER (PARTITION BY d."orderingKey" ORDER BY d.seq) AS n
      FROM "Delivery" d JOIN heads h ON d."orderingKey" = h."orderingKey" AND d.seq > h.seq
      WHERE d.state = 'pending' AND d."nextAttemptAt" <= ${DB_NOW}
        AND NOT EXISTS (
          SELECT 1 FROM "Delivery" g
          WHERE g."orderingKey" = d."orderingKey" AND g.seq > h.seq AND g.seq < d.seq
            AND (g.state = 'in_flight' OR (g.state = 'pending' AND g."nextAttemptAt" > ${DB_NOW})))
    ),
    picked AS (
      SELECT d.id FROM "Delivery" d
      WHERE d.id IN (SELECT id FROM followers WHERE n < ${options.maxRun})
      FOR UPDATE OF d
    )
    UPDATE "Delivery" AS t
    SET state = 'in_flight', "leaseOwner" = ${options.workerId},
        "leaseExpiresAt" = ${DB_NOW} + ${intervalMs(options.leaseMs)}, attempts = t.attempts + 1, "updatedAt" = ${DB_NOW}
    FROM picked
    WHERE t.id = picked.id AND t.state = 'pending'
    RETURNING ${RETURNED}`);
  return rows.map((row) => toClaimedRow(row, false));
}
