// How long a claim lasts, and how the engine waits on a send (docs/decisions/0128).
//
// A lease is short and kept alive: the worker renews every row it holds every third of a lease, for as
// long as the send and the record take. The lease length therefore says only how soon the rows of a
// worker that died (kill -9, a lost host) come back, not how long a send may take: a live worker with a
// board request open for a minute keeps its rows, a dead one's rows return within one lease. SEEK's
// deadline is 60 s from the write, so the lease (plus the reaper's second and a claim) must stay well
// inside it.
//
// The send itself is bounded by channel.maxSendMs, which the engine enforces with its own timeout.

// The lease length is configuration (SIGNALHOUSE_LEASE); its default and floor live with it in lib/env.ts.
import { DEFAULT_LEASE_MS, MIN_LEASE_MS } from "../../env";

export type LeasePlan = {
  /** how long a claim holds a row */
  leaseMs: number;
  /** how often the holder pushes the expiry out again (three chances before it lapses) */
  renewEveryMs: number;
};

export function leasePlan(leaseMs: number = DEFAULT_LEASE_MS): LeasePlan {
  if (!Number.isFinite(leaseMs) || leaseMs < MIN_LEASE_MS) {
    throw new Error(`a lease must last at least ${MIN_LEASE_MS} ms, got ${leaseMs}`);
  }
  return { leaseMs: Math.ceil(leaseMs), renewEveryMs: Math.floor(leaseMs / 3) };
}

/**
 * How long the engine waits for a send before it gives up on it: the channel's signal aborts at
 * maxSendMs; a channel that ignores its signal gets a little longer (at most a second) before the engine
 * records the batch as a retry without it.
 */
export function sendDeadlineMs(maxSendMs: number): number {
  if (!Number.isFinite(maxSendMs) || maxSendMs <= 0) throw new Error(`maxSendMs must be positive, got ${maxSendMs}`);
  return maxSendMs + Math.min(1_000, Math.ceil(maxSendMs / 4));
}
