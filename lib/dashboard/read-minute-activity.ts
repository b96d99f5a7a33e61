// The last hour minute by minute, per channel: rows delivered (deliveredAt) and HTTP attempts, with those
// that did not deliver (outcome retry, failed or dead). The attempts also give the hour's error rate.
// Minutes are counted from the chart's first minute; rows before it (the few seconds of the hour that
// precede a whole minute) come back as minute -1 and count towards the hour's attempts only.
import type { DbClient } from "../delivery/sql";
import type { TMinuteCount } from "./fill-minute-buckets";
import type { TOverviewWindow } from "./overview-window";
import { toCount } from "./sql-rows";

export const FAILED_ATTEMPT_OUTCOMES = ["retry", "failed", "dead"] as const;

export type TMinuteActivity = {
  channel: string;
  minutes: TMinuteCount[];
  attempts: { total: number; failed: number };
};

export async function readMinuteActivity(db: DbClient, window: TOverviewWindow): Promise<TMinuteActivity[]> {
  const start = window.chartStart;
  const delivered = await db.$queryRaw<{ channel: string; minute: number; count: bigint }[]>`
    SELECT channel,
      floor(extract(epoch FROM ("deliveredAt" - ${start}::timestamp(3))) / 60)::int AS minute,
      count(*)::bigint AS count
    FROM "Delivery"
    WHERE "deliveredAt" >= ${start}::timestamp(3)
    GROUP BY 1, 2`;
  const attempts = await db.$queryRaw<{ channel: string; minute: number; total: bigint; failed: bigint }[]>`
    SELECT d.channel,
      floor(extract(epoch FROM (a."startedAt" - ${start}::timestamp(3))) / 60)::int AS minute,
      count(*)::bigint AS total,
      count(*) FILTER (WHERE a.outcome = ANY(${[...FAILED_ATTEMPT_OUTCOMES]}::text[]))::bigint AS failed
    FROM "DeliveryAttempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
    WHERE a."startedAt" >= ${window.hourAgo}::timestamp(3)
    GROUP BY 1, 2`;

  const result = new Map<string, TMinuteActivity>();
  const entry = (channel: string) => {
    let activity = result.get(channel);
    if (!activity) {
      activity = { channel, minutes: [], attempts: { total: 0, failed: 0 } };
      result.set(channel, activity);
    }
    return activity;
  };
  for (const row of delivered) entry(row.channel).minutes.push({ minute: row.minute, delivered: toCount(row.count) });
  for (const row of attempts) {
    const activity = entry(row.channel);
    activity.attempts.total += toCount(row.total);
    activity.attempts.failed += toCount(row.failed);
    activity.minutes.push({ minute: row.minute, failures: toCount(row.failed) });
  }
  return [...result.values()];
}
