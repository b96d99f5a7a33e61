// For channels whose board takes a key's rows together in order (LinkedIn: up to 100 notes of one
// application per request, "in sequential order"), a claimed head of an ordering key brings along the
// rows right behind it: pending, due, consecutive (stopping at the first that is not), at most
// maxRun in all. The run stays one unit (group-batches.ts), so the key's order still holds. How many
// heads keep their runs within a claim round's row budget is fit-ordered-runs.ts's decision.
import { Prisma } from "../../generated/prisma/client";
import { DB_NOW, type DbClient, intervalMs } from "../sql";
import { RETURNED } from "./claim-due-deliveries";
import { type ClaimedRow, type ClaimedRowRecord, toClaimedRow } from "./claimed-row";

type RunOptions = { workerId: string; maxRun: number };

function runHeads(heads: readonly ClaimedRow[]): string[] {
  return heads.filter((h) => h.orderingKey !== null && !h.probe && !h.suspect).map((h) => h.id);
}

/** The rows that may follow each head (held by this worker), ranked n = 1, 2, … in seq order. */
function followersOf(headIds: string[], options: RunOptions): Prisma.Sql {
  return Prisma.sql`
    heads AS (
      SELECT h.id, h."orderingKey", h.seq, array_position(${headIds}::text[], h.id) AS position FROM "Delivery" h
      WHERE h.id = ANY(${headIds}::text[]) AND h."leaseOwner" = ${options.workerId} AND h.state = 'in_flight'
    ),
    followers AS (
      SELECT d.id, h.id AS head_id, h.position, row_number() OVER (PARTITION BY d."orderingKey" ORDER BY d.seq) AS n
      FROM "Delivery" d JOIN heads h ON d."orderingKey" = h."orderingKey" AND d.seq > h.seq
      WHERE d.state = 'pending' AND d."nextAttemptAt" <= ${DB_NOW}
        AND NOT EXISTS (
          SELECT 1 FROM "Delivery" g
          WHERE g."orderingKey" = d."orderingKey" AND g.seq > h.seq AND g.seq < d.seq
            AND (g.state = 'in_flight' OR (g.state = 'pending' AND g."nextAttemptAt" > ${DB_NOW})))
    )`;
}

/** How many rows could follow each head now (without claiming them): the length of its run, less one. */
export async function countRunFollowers(
  db: DbClient,
  heads: readonly ClaimedRow[],
  options: RunOptions,
): Promise<Map<string, number>> {
  const headIds = runHeads(heads);
  if (headIds.length === 0 || options.maxRun <= 1) return new Map();
  const rows = await db.$queryRaw<{ head_id: string; followers: number }[]>(Prisma.sql`
    WITH ${followersOf(headIds, options)}
    SELECT head_id, count(*)::int AS followers FROM followers WHERE n < ${options.maxRun} GROUP BY head_id`);
  return new Map(rows.map((r) => [r.head_id, Number(r.followers)]));
}

/** Claims the runs behind `heads`: at most maxRun − 1 rows per head and `budget` rows in all, heads first. */
export async function extendOrderedRuns(
  db: DbClient,
  heads: readonly ClaimedRow[],
  options: RunOptions & { leaseMs: number; budget: number },
): Promise<ClaimedRow[]> {
  const headIds = runHeads(heads);
  if (headIds.length === 0 || options.maxRun <= 1 || options.budget <= 0) return [];
  const rows = await db.$queryRaw<ClaimedRowRecord[]>(Prisma.sql`
    WITH ${followersOf(headIds, options)},
    picked AS (
      SELECT d.id FROM "Delivery" d
      WHERE d.id IN (SELECT id FROM followers WHERE n < ${options.maxRun} ORDER BY position, n LIMIT ${options.budget})
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
