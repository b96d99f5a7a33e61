// The drain loop's entry points, one code path behind all three ways to run it:
// - runWorker (run-worker.ts): a long-lived worker, inline in `npm start` or `npm run worker`;
// - drainFor: the cron route's bounded run of that same loop, returning once idle or out of time;
// - drainOnce: one claim round, everything sent and recorded before it returns (tests, scripts).

import { findUnservedChannels } from "../claim/unserved-channels";
import { reapExpiredLeases } from "../record/release-leases";
import { addCounts, processBatch } from "../send/process-batch";
import { claimRound, type DrainSummary, emptySummary } from "./drain-round";
import { createEngineContext, type EngineOptions } from "./engine-context";
import { keepLeasesAlive } from "./keep-leases-alive";
import { type RunWorkerOptions, runWorker, type WorkerSummary } from "./run-worker";

export type { DrainSummary } from "./drain-round";
export { type RunWorkerOptions, runWorker, type WorkerSummary } from "./run-worker";

/** One claim round per channel (at most `concurrency` batches); returns when every batch is recorded. */
export async function drainOnce(options: EngineOptions & { concurrency?: number }): Promise<DrainSummary> {
  const ctx = createEngineContext(options);
  const summary = emptySummary(ctx.workerId);
  summary.reaped = await reapExpiredLeases(ctx.db, ctx.deadAfterMs);
  const stopRenewal = keepLeasesAlive(ctx);
  try {
    const batches = await claimRound(ctx, options.concurrency ?? 4, summary);
    for (const counts of await Promise.all(batches.map(([channel, batch]) => processBatch(ctx, channel, batch)))) {
      addCounts(summary, counts);
    }
  } finally {
    stopRenewal();
  }
  summary.unservedChannels = await findUnservedChannels(ctx.db, ctx.registry.names());
  return summary;
}

/**
 * The worker loop for at most `maxMs`, returning as soon as nothing is claimable and nothing in flight.
 * Claims stop at `maxMs`; sends still in flight then get `shutdownGraceMs` (default 5 s) to finish
 * before they are aborted and recorded as retries.
 */
export function drainFor(
  maxMs: number,
  options: Omit<RunWorkerOptions, "mode" | "signal" | "stopWhenIdle"> & { signal?: AbortSignal },
): Promise<WorkerSummary> {
  const deadline = AbortSignal.timeout(Math.max(0, maxMs));
  return runWorker({
    shutdownGraceMs: 5_000,
    ...options,
    mode: "cron",
    stopWhenIdle: true,
    signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
  });
}
