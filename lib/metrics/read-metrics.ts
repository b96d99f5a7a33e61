// The numbers /api/metrics exposes: deliveries by channel and state, the oldest undelivered row per
// channel, attempts by outcome, and live workers. Counts only: no tenant data, no payloads.
import type { Db } from "../db/client";
import { HEARTBEAT_FRESH_MS } from "../health/read-health";

export type MetricsSnapshot = {
  deliveries: { channel: string; state: string; count: number }[];
  oldestPendingSeconds: { channel: string; seconds: number }[];
  attempts: { outcome: string; count: number }[];
  workersAlive: number;
};

export async function readMetrics(db: Db, now = new Date()): Promise<MetricsSnapshot> {
  const deliveries = await db.$queryRaw<{ channel: string; state: string; count: bigint }[]>`
    SELECT channel, state::text AS state, count(*)::bigint AS count FROM "Delivery" GROUP BY channel, state`;
  const oldest = await db.$queryRaw<{ channel: string; oldest: Date }[]>`
    SELECT channel, min("createdAt") AS oldest FROM "Delivery" WHERE state IN ('pending', 'in_flight') GROUP BY channel`;
  const attempts = await db.$queryRaw<{ outcome: string; count: bigint }[]>`
    SELECT outcome, count(*)::bigint AS count FROM "DeliveryAttempt" GROUP BY outcome`;
  const workersAlive = await db.workerHeartbeat.count({
    where: { stoppedAt: null, lastBeatAt: { gte: new Date(now.getTime() - HEARTBEAT_FRESH_MS) } },
  });
  return {
    deliveries: deliveries.map((r) => ({ channel: r.channel, state: r.state, count: Number(r.count) })),
    oldestPendingSeconds: oldest.map((r) => ({
      channel: r.channel,
      seconds: Math.max(0, (now.getTime() - r.oldest.getTime()) / 1000),
    })),
    attempts: attempts.map((r) => ({ outcome: r.outcome, count: Number(r.count) })),
    workersAlive,
  };
}
