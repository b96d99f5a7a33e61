// Each worker says it is alive every few seconds in WorkerHeartbeat (mode, host, pid, rows held), and
// marks stoppedAt when it shuts down cleanly. /api/health and the dashboard read these rows; nothing
// about delivery depends on them (leases do that job).
import os from "node:os";
import type { DbClient } from "../sql";

export type WorkerMode = "inline" | "standalone" | "cron";

export const HEARTBEAT_EVERY_MS = 5_000;

export type HeartbeatIdentity = { workerId: string; mode: WorkerMode; hostname?: string; pid?: number };

export async function beat(db: DbClient, identity: HeartbeatIdentity, holding: number): Promise<void> {
  const now = new Date();
  const hostname = identity.hostname ?? os.hostname();
  const pid = identity.pid ?? process.pid;
  await db.workerHeartbeat.upsert({
    where: { workerId: identity.workerId },
    create: {
      workerId: identity.workerId,
      mode: identity.mode,
      hostname,
      pid,
      holding,
      startedAt: now,
      lastBeatAt: now,
    },
    update: { lastBeatAt: now, holding, stoppedAt: null },
  });
}

export async function markStopped(db: DbClient, workerId: string): Promise<void> {
  const now = new Date();
  await db.workerHeartbeat.updateMany({ where: { workerId }, data: { stoppedAt: now, lastBeatAt: now, holding: 0 } });
}

/** Beats now and then every `everyMs` until stopped; a failed beat is reported and tried again next time. */
export function startHeartbeat(
  db: DbClient,
  identity: HeartbeatIdentity,
  options: { everyMs?: number; holding: () => number; onError?: (error: unknown) => void },
): { first: Promise<void>; stop(): Promise<void> } {
  const everyMs = options.everyMs ?? HEARTBEAT_EVERY_MS;
  const onError = options.onError ?? (() => {});
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = beat(db, identity, options.holding()).catch(onError);
    return running;
  };
  const first = tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    first,
    async stop() {
      clearInterval(timer);
      await running;
      await markStopped(db, identity.workerId).catch(onError);
    },
  };
}
