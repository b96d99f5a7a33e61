// When to try again. Per-delivery retries use "full jitter" (a uniform delay between 0 and an
// exponentially growing ceiling), so rows that failed together spread out instead of returning as one
// wave. A board's own Retry-After (outcome.notBefore) wins over our guess. Destination blocks use "equal
// jitter" (half fixed, half random): a circuit that just opened must stay open for a while.

export type BackoffPolicy = {
  /** ceiling of the first retry */
  baseMs: number;
  /** no ceiling grows past this */
  capMs: number;
};

/** Delivery retries: 2 s, 4 s, 8 s … ceilings, never more than 10 minutes apart. */
export const RETRY_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

/** Destination circuit breaker: 1 s, 2 s, 4 s … up to 5 minutes between probes. */
export const DESTINATION_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export type Random = () => number;

/** The exponential ceiling for the n-th failure (n ≥ 1), capped. */
export function backoffCeilingMs(failures: number, policy: BackoffPolicy): number {
  const n = Math.max(1, Math.floor(failures));
  // 2^(n-1) overflows to Infinity long after it passed any cap, so Math.min keeps it finite.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(n - 1, 60));
}

/** Full jitter: uniform in [0, ceiling]. */
export function fullJitterDelayMs(failures: number, policy: BackoffPolicy, random: Random = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(failures, policy));
}

/** Equal jitter: uniform in [ceiling / 2, ceiling]. */
export function equalJitterDelayMs(failures: number, policy: BackoffPolicy, random: Random = Math.random): number {
  const ceiling = backoffCeilingMs(failures, policy);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The next attempt of a delivery that has now failed `attempts` times. Retry-After wins when the board
 * gave one, even when it is sooner than our backoff: the board knows when it can take the request.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  notBefore: Date | undefined,
  policy: BackoffPolicy = RETRY_BACKOFF,
  random: Random = Math.random,
): Date {
  if (notBefore) return new Date(Math.max(now.getTime(), notBefore.getTime()));
  return new Date(now.getTime() + fullJitterDelayMs(attempts, policy, random));
}
