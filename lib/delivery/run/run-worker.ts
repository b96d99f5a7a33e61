// The long-lived drain loop. It claims while it has free batch slots (several batches in flight at once,
// so one slow or hanging destination never holds up the others), sleeps until a wake-up (NOTIFY at
// commit), a batch finishing, the next due time or the fallback poll, and keeps its leases renewed and
// its heartbeat fresh. When `signal` aborts it stops claiming, lets in-flight sends finish for a grace
// period, aborts what is left, and gives back any row it still holds.

import { msUntilNextDue } from "../claim/next-due";
import { findUnservedChannels } from "../claim/unserved-channels";
import { reapExpiredLeases, releaseLeases } from "../record/release-leases";
import { addCounts, processBatch } from "../send/process-batch";
import { claimRound, type DrainSummary, emptySummary } from "./drain-round";
import { createEngineContext, type EngineContext, type EngineOptions } from "./engine-context";
import { startHeartbeat, type WorkerMode } from "./heartbeat";
import { keepLeasesAlive } from "./keep-leases-alive";
import type { WakeSource } from "./wake";
import { WakeLatch } from "./wake-latch";

export type WorkerSummary = DrainSummary & {
  mode: WorkerMode;
  startedAt: Date;
  stoppedAt: Date;
  /** wake-ups heard (NOTIFY from the database, or this process) and sleeps that ran out */
  wakes: { notified: number; timer: number };
};

export type RunWorkerOptions = EngineOptions & {
  mode: WorkerMode;
  /** abort to stop gracefully */
  signal: AbortSignal;
  /** wake-ups at commit (openWake); without one the worker only polls */
  wake?: WakeSource;
  /** fallback poll interval (default 5 s) */
  pollMs?: number;
  /** batches this worker sends at once (default 4) */
  concurrency?: number;
  heartbeatMs?: number;
  /** how long a stop waits for in-flight sends before aborting them (default 10 s) */
  shutdownGraceMs?: number;
  /** return once nothing is claimable and nothing is in flight (the cron route) */
  stopWhenIdle?: boolean;
  hostname?: string;
  pid?: number;
};

const UNSERVED_REPORT_EVERY_MS = 5 * 60_000;
// Leases last seconds (lease.ts); looking for lapsed ones on every loop turn (one turn per finished
// batch) cost a query per delivery on single-row channels for nothing. An idle worker sleeps until the
// next lease lapses (next-due.ts), so a dead worker's rows are taken back within a second of that.
const REAP_EVERY_MS = 1_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function settleWithin(tasks: Set<Promise<void>>, ms: number): Promise<void> {
  if (tasks.size > 0) await Promise.race([Promise.allSettled([...tasks]), sleep(ms)]);
}

async function reportUnserved(ctx: EngineContext, summary: DrainSummary): Promise<void> {
  try {
    summary.unservedChannels = await findUnservedChannels(ctx.db, ctx.registry.names());
    for (const { channel, pending } of summary.unservedChannels) {
      ctx.log.warn(`${pending} due deliveries of channel "${channel}" wait for a worker that serves it`);
    }
  } catch (error) {
    ctx.log.warn("counting unserved channels failed", error);
  }
}

export async function runWorker(options: RunWorkerOptions): Promise<WorkerSummary> {
  const ctx = createEngineContext(options);
  const { db, log, workerId } = ctx;
  const { mode, signal } = options;
  const pollMs = options.pollMs ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const summary: WorkerSummary = {
    ...emptySummary(workerId),
    mode,
    startedAt: new Date(),
    stoppedAt: new Date(),
    wakes: { notified: 0, timer: 0 },
  };
  const latch = new WakeLatch();
  const unsubscribe = options.wake?.subscribe(() => {
    summary.wakes.notified++;
    latch.set();
  });
  const identity = { workerId, mode, hostname: options.hostname, pid: options.pid };
  const heartbeat = startHeartbeat(db, identity, {
    everyMs: options.heartbeatMs,
    holding: () => ctx.held.size,
    onError: (error) => log.warn("heartbeat failed", error),
  });
  const stopRenewal = keepLeasesAlive(ctx);
  if (!options.stopWhenIdle) await reportUnserved(ctx, summary);
  let lastUnservedReport = Date.now();

  const tasks = new Set<Promise<void>>();
  let failures = 0;
  let lastReap = 0;
  const lastPeriodic = new Map<string, number>();
  while (!signal.aborted) {
    latch.clear();
    let started = 0;
    try {
      if (Date.now() - lastReap >= REAP_EVERY_MS) {
        summary.reaped += await reapExpiredLeases(db, ctx.deadAfterMs, { workerId, ids: [...ctx.held.keys()] });
        lastReap = Date.now();
      }
      for (const task of ctx.observers.periodic ?? []) {
        if (Date.now() - (lastPeriodic.get(task.name) ?? 0) < task.everyMs) continue;
        lastPeriodic.set(task.name, Date.now());
        // e.g. missed deadlines and board health for the ATS's webhooks (docs/decisions/0149)
        await task.run(db, ctx.now()).catch((error) => log.warn(`${task.name} failed`, error));
      }
      if (tasks.size < concurrency) {
        for (const [channel, batch] of await claimRound(ctx, concurrency - tasks.size, summary)) {
          const task: Promise<void> = processBatch(ctx, channel, batch)
            .then(
              (counts) => addCounts(summary, counts),
              (error) => log.warn(`a ${channel.name} batch of ${batch.length} could not be completed`, error),
            )
            .finally(() => {
              tasks.delete(task);
              latch.set();
            });
          tasks.add(task);
          started++;
        }
      }
      failures = 0;
    } catch (error) {
      failures++;
      const pauseMs = Math.min(30_000, 250 * 2 ** Math.min(failures, 7));
      log.warn(`claiming failed; trying again in ${pauseMs} ms`, error);
      await latch.wait(pauseMs, signal);
      continue;
    }
    if (options.stopWhenIdle && started === 0 && tasks.size === 0) break;
    if (started > 0 && tasks.size < concurrency) continue;
    if (!options.stopWhenIdle && Date.now() - lastUnservedReport > UNSERVED_REPORT_EVERY_MS) {
      lastUnservedReport = Date.now();
      await reportUnserved(ctx, summary);
    }
    const reapInMs = Math.max(0, lastReap + REAP_EVERY_MS - Date.now());
    const waitMs = tasks.size > 0 ? pollMs : await msUntilNextDue(db, pollMs, reapInMs).catch(() => pollMs);
    if ((await latch.wait(waitMs, signal)) === "timer") summary.wakes.timer++;
  }

  // Stop: no more claims. In-flight sends get the grace period, then their requests are aborted (they
  // come back as retries and are recorded); anything still held after that is given back.
  await settleWithin(tasks, options.shutdownGraceMs ?? 10_000);
  if (tasks.size > 0) {
    log.warn(`aborting ${tasks.size} batches still in flight at shutdown`);
    ctx.hardStop.abort();
    await settleWithin(tasks, 5_000);
  }
  const held = [...ctx.held];
  const unsent = held.filter(([, h]) => !h.sending).map(([id]) => id);
  const sent = held.filter(([, h]) => h.sending).map(([id]) => id);
  try {
    summary.released += await releaseLeases(db, workerId, unsent, { unsent: true });
    summary.released += await releaseLeases(db, workerId, sent, { unsent: false });
  } catch (error) {
    log.warn(`could not give back ${held.length} leases; they lapse on their own`, error);
  }
  stopRenewal();
  unsubscribe?.();
  await heartbeat.stop();
  await reportUnserved(ctx, summary);
  summary.stoppedAt = new Date();
  return summary;
}
