// Rows delivered in the last hour and day per channel, and the p50/p95/p99 of their event-to-delivery time
// (deliveredAt − occurredAt) over the last hour, computed by PostgreSQL (percentile_cont: interpolated,
// like most monitoring tools). One scan of the deliveredAt index over the last day.
import type { DbClient } from "../delivery/sql";
import type { TLatency } from "./overview-types";
import type { TOverviewWindow } from "./overview-window";
import { toCount } from "./sql-rows";

export type TDelivered = { channel: string; hour: number; day: number; latency: TLatency };

export async function readDelivered(db: DbClient, window: TOverviewWindow): Promise<TDelivered[]> {
  const rows = await db.$queryRaw<{ channel: string; hour: bigint; day: bigint; percentiles: number[] | null }[]>`
    SELECT channel,
      count(*) FILTER (WHERE "deliveredAt" >= ${window.hourAgo}::timestamp(3))::bigint AS hour,
      count(*)::bigint AS day,
      percentile_cont(ARRAY[0.5, 0.95, 0.99]::float8[]) WITHIN GROUP (
        ORDER BY (extract(epoch FROM ("deliveredAt" - "occurredAt")) * 1000)::float8
      ) FILTER (WHERE "deliveredAt" >= ${window.hourAgo}::timestamp(3)) AS percentiles
    FROM "Delivery"
    WHERE "deliveredAt" >= ${window.dayAgo}::timestamp(3)
    GROUP BY channel`;
  return rows.map((row) => {
    const hour = toCount(row.hour);
    const [p50, p95, p99] = row.percentiles ?? [];
    return {
      channel: row.channel,
      hour,
      day: toCount(row.day),
      latency: {
        samples: hour,
        p50Ms: hour ? Math.round(Number(p50)) : null,
        p95Ms: hour ? Math.round(Number(p95)) : null,
        p99Ms: hour ? Math.round(Number(p99)) : null,
      },
    };
  });
}
