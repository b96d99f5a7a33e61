// The workers, from their heartbeats, with the rows each holds now. Holdings are counted from the outbox
// (in_flight rows by leaseOwner), not from the heartbeat's own figure, which is up to a beat old; rows held
// by an owner with no heartbeat listed are counted apart so no held row goes unexplained.
import type { DbClient } from "../delivery/sql";
import { HEARTBEAT_FRESH_MS } from "../health/read-health";
import type { TOverview, TWorkerView } from "./overview-types";
import type { TOverviewWindow } from "./overview-window";
import { toCount } from "./sql-rows";
import { workerStatus } from "./worker-status";

export const LIVENESS_MS = HEARTBEAT_FRESH_MS;
/** enough for every live worker of a large deployment plus its recent restarts */
const MAX_WORKERS_SHOWN = 50;

export async function readWorkers(db: DbClient, window: TOverviewWindow): Promise<TOverview["workers"]> {
  const beats = await db.workerHeartbeat.findMany({
    where: { lastBeatAt: { gte: window.dayAgo } },
    orderBy: [{ lastBeatAt: "desc" }, { workerId: "asc" }],
    take: MAX_WORKERS_SHOWN,
  });
  const held = await db.$queryRaw<{ owner: string | null; count: bigint }[]>`
    SELECT "leaseOwner" AS owner, count(*)::bigint AS count
    FROM "Delivery" WHERE state = 'in_flight' GROUP BY "leaseOwner"`;
  const holding = new Map(held.map((row) => [row.owner, toCount(row.count)]));

  const views: TWorkerView[] = beats.map((beat) => ({
    workerId: beat.workerId,
    mode: beat.mode,
    hostname: beat.hostname,
    pid: beat.pid,
    startedAt: beat.startedAt.toISOString(),
    lastBeatAt: beat.lastBeatAt.toISOString(),
    stoppedAt: beat.stoppedAt?.toISOString() ?? null,
    status: workerStatus(beat, window.now, LIVENESS_MS),
    holding: holding.get(beat.workerId) ?? 0,
  }));
  const listed = new Set(views.map((view) => view.workerId));
  const heldByUnknown = held.reduce(
    (sum, row) => (row.owner && listed.has(row.owner) ? sum : sum + toCount(row.count)),
    0,
  );
  return {
    alive: views.filter((view) => view.status === "alive"),
    inactive: views.filter((view) => view.status !== "alive"),
    heldByUnknown,
  };
}
