// Rows that ended without being delivered (failed, dead, expired) in the last hour and day, per channel.
// "When it ended" is updatedAt: the engine stamps it on every state change and nothing updates a row in
// these states again except an admin's retry or cancel, which move it out of them. Served by the
// (state, updatedAt) index.
import type { DbClient } from "../delivery/sql";
import type { TOverviewWindow } from "./overview-window";
import { toCount } from "./sql-rows";

export const UNSUCCESSFUL_STATES = ["failed", "dead", "expired"] as const;
export type TUnsuccessfulState = (typeof UNSUCCESSFUL_STATES)[number];

export type TUnsuccessful = { channel: string; state: TUnsuccessfulState; hour: number; day: number };

export async function readUnsuccessful(db: DbClient, window: TOverviewWindow): Promise<TUnsuccessful[]> {
  const rows = await db.$queryRaw<{ channel: string; state: TUnsuccessfulState; hour: bigint; day: bigint }[]>`
    SELECT channel, state::text AS state,
      count(*) FILTER (WHERE "updatedAt" >= ${window.hourAgo}::timestamp(3))::bigint AS hour,
      count(*)::bigint AS day
    FROM "Delivery"
    WHERE state IN ('failed', 'dead', 'expired') AND "updatedAt" >= ${window.dayAgo}::timestamp(3)
    GROUP BY channel, state`;
  return rows.map((row) => ({
    channel: row.channel,
    state: row.state,
    hour: toCount(row.hour),
    day: toCount(row.day),
  }));
}
