// What is waiting now, per channel: rows pending, rows a worker holds, and since when the oldest pending
// row has waited (from createdAt, like /api/health). Served by the (channel, state, createdAt) index.
import type { DbClient } from "../delivery/sql";
import { toCount } from "./sql-rows";

export type TBacklog = { channel: string; pending: number; inFlight: number; oldestPendingAt: Date | null };

export async function readBacklog(db: DbClient): Promise<TBacklog[]> {
  const rows = await db.$queryRaw<
    { channel: string; pending: bigint; inFlight: bigint; oldestPendingAt: Date | null }[]
  >`
    SELECT channel,
      count(*) FILTER (WHERE state = 'pending')::bigint AS pending,
      count(*) FILTER (WHERE state = 'in_flight')::bigint AS "inFlight",
      min("createdAt") FILTER (WHERE state = 'pending') AS "oldestPendingAt"
    FROM "Delivery"
    WHERE state IN ('pending', 'in_flight')
    GROUP BY channel`;
  return rows.map((row) => ({
    channel: row.channel,
    pending: toCount(row.pending),
    inFlight: toCount(row.inFlight),
    oldestPendingAt: row.oldestPendingAt,
  }));
}
