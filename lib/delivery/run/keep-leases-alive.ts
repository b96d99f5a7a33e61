// Keeps the leases of every row this worker holds alive while it sends and records them: every third of
// a lease, one statement renews them all, whatever their channel (renewLeases). The lease can then be
// short (lease.ts) without a slow board request costing the worker its rows. Rows it no longer owns are
// not reported here: the record of their batch finds and reports them.

import { renewLeases } from "../record/release-leases";
import type { EngineContext } from "./engine-context";

/** Starts renewing; returns the function that stops it. */
export function keepLeasesAlive(ctx: EngineContext): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running || ctx.held.size === 0) return;
    running = true;
    try {
      const held = [...ctx.held];
      const probes = held.filter(([, h]) => h.probe).map(([id]) => id);
      await renewLeases(
        ctx.db,
        ctx.workerId,
        held.map(([id]) => id),
        ctx.lease.leaseMs,
        probes,
      );
    } catch (error) {
      ctx.log.warn("renewing leases failed", error);
    } finally {
      running = false;
    }
  }, ctx.lease.renewEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
