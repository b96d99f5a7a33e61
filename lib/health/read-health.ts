// What /api/health reports: whether the database answers, how old the oldest undelivered row is, and
// which workers have beaten recently. Public, so it names no tenant and no secret.
import type { Db } from "../db/client";
import { type DatabaseTarget, describeTarget } from "../db/target";

export const HEARTBEAT_FRESH_MS = 30_000;

export type Health = {
  status: "ok" | "degraded";
  database: { kind: DatabaseTarget["kind"]; reachable: boolean; migrations: number; error?: string };
  deliveries: { pending: number; oldestPendingAgeSeconds: number | null };
  workers: { alive: number; lastBeatAt: string | null };
};

export async function readHealth(db: Db, target: DatabaseTarget, now = new Date()): Promise<Health> {
  try {
    const [migrations] = await db.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*)::bigint AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    const pending = await db.delivery.aggregate({
      where: { state: { in: ["pending", "in_flight"] } },
      _count: { _all: true },
      _min: { createdAt: true },
    });
    const alive = await db.workerHeartbeat.count({
      where: { stoppedAt: null, lastBeatAt: { gte: new Date(now.getTime() - HEARTBEAT_FRESH_MS) } },
    });
    const last = await db.workerHeartbeat.findFirst({ orderBy: { lastBeatAt: "desc" }, select: { lastBeatAt: true } });
    const oldest = pending._min.createdAt;
    return {
      status: "ok",
      database: { kind: target.kind, reachable: true, migrations: Number(migrations?.count ?? 0) },
      deliveries: {
        pending: pending._count._all,
        oldestPendingAgeSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
      },
      workers: { alive, lastBeatAt: last?.lastBeatAt.toISOString() ?? null },
    };
  } catch (error) {
    console.error(`[health] ${describeTarget(target)} unreachable`, error);
    return {
      status: "degraded",
      database: { kind: target.kind, reachable: false, migrations: 0, error: "database unreachable" },
      deliveries: { pending: 0, oldestPendingAgeSeconds: null },
      workers: { alive: 0, lastBeatAt: null },
    };
  }
}
