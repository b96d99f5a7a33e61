// Deadlines missed (issue #5): rows with a dueBy that fell in the last hour/day and that were delivered
// after it, or are still not delivered now that it has passed. Cancelled rows are an admin's decision,
// not a miss, and are left out. The channel and state lists let PostgreSQL walk the claim index
// (channel, state, dueBy, …) instead of scanning the outbox.
import { CHANNELS } from "../delivery/channel";
import type { DbClient } from "../delivery/sql";
import type { TOverviewWindow } from "./overview-window";
import { toCount } from "./sql-rows";

export type TMissedDeadlines = { channel: string; hour: number; day: number };

export async function readMissedDeadlines(db: DbClient, window: TOverviewWindow): Promise<TMissedDeadlines[]> {
  const rows = await db.$queryRaw<{ channel: string; hour: bigint; day: bigint }[]>`
    SELECT channel,
      count(*) FILTER (WHERE "dueBy" >= ${window.hourAgo}::timestamp(3))::bigint AS hour,
      count(*)::bigint AS day
    FROM "Delivery"
    WHERE channel = ANY(${[...CHANNELS]}::text[])
      AND state IN ('pending', 'in_flight', 'delivered', 'failed', 'dead', 'expired')
      AND "dueBy" >= ${window.dayAgo}::timestamp(3) AND "dueBy" < ${window.now}::timestamp(3)
      AND ("deliveredAt" IS NULL OR "deliveredAt" > "dueBy")
    GROUP BY channel`;
  return rows.map((row) => ({ channel: row.channel, hour: toCount(row.hour), day: toCount(row.day) }));
}
