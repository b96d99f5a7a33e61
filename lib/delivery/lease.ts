// How long a claim lasts. A lease must outlive the longest send a channel may make (channel.maxSendMs,
// which the engine enforces with its own timeout) plus the time to record the result, so a healthy
// worker never loses a row it is still working on. Leases are renewed while held, so a slow record or
// a paused process (GC, a busy event loop) does not hand the row to a second worker either.

/** Room after the send for recording the outcome and for clock and scheduling slack. */
export const DEFAULT_LEASE_MARGIN_MS = 15_000;

/** A renewal never waits longer than this, however long the lease. */
export const MAX_RENEW_EVERY_MS = 10_000;

export type LeasePlan = {
  /** how long a claim holds a row */
  leaseMs: number;
  /** how often the holder pushes the expiry out again (three chances before it lapses) */
  renewEveryMs: number;
};

export function leaseFor(maxSendMs: number, marginMs: number = DEFAULT_LEASE_MARGIN_MS): LeasePlan {
  if (!Number.isFinite(maxSendMs) || maxSendMs <= 0) throw new Error(`maxSendMs must be positive, got ${maxSendMs}`);
  if (!Number.isFinite(marginMs) || marginMs <= 0) throw new Error(`lease margin must be positive, got ${marginMs}`);
  const leaseMs = Math.ceil(maxSendMs + marginMs);
  return { leaseMs, renewEveryMs: Math.max(50, Math.min(MAX_RENEW_EVERY_MS, Math.floor(leaseMs / 3))) };
}

/** How long the engine waits for a send before it gives up on it (the lease still has the margin left). */
export function sendDeadlineMs(maxSendMs: number, marginMs: number = DEFAULT_LEASE_MARGIN_MS): number {
  return maxSendMs + Math.min(1_000, Math.floor(marginMs / 4));
}
