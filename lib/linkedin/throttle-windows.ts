// LinkedIn's throttle windows (docs/decisions/0051). Records are counted in a sliding minute measured in
// whole UTC seconds: a request at time t counts the records of the current second and the 60 seconds
// before it. Seed 004 says "records per minute" without saying which minute, so we take the stricter
// reading: this window covers every 60-second span ending at t, and every clock minute that contains t,
// so a burst across a minute boundary can never pass the limit under either reading. The mock LinkedIn
// (e2e/mocks/linkedin/usage-meter.ts) counts with the same rule. Requests are counted per UTC day
// (LinkedIn: daily limits reset at midnight UTC). Keys name the window, so every worker meets on the
// same RateWindow rows.

export type ThrottleWindow = { key: string; start: Date; end: Date; label: string };

const SECOND_MS = 1_000;
const DAY_MS = 86_400_000;
/** The seconds before the current one that the sliding minute still counts. */
export const SLIDING_SECONDS_BEFORE = 60;

function windowOf(now: Date, lengthMs: number): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / lengthMs) * lengthMs;
  return { start: new Date(start), end: new Date(start + lengthMs) };
}

const secondKey = (clientId: string, epochSecond: number) => `linkedin:${clientId}:second:${epochSecond}`;

/** The row counting this second's records: "linkedin:<clientId>:second:<epoch seconds>". */
export function secondBucket(clientId: string, now: Date): { key: string; start: Date } {
  const second = Math.floor(now.getTime() / SECOND_MS);
  return { key: secondKey(clientId, second), start: new Date(second * SECOND_MS) };
}

/**
 * The keys of the second rows the sliding minute at `now` counts, oldest first: the current second and
 * the 60 before it, and also the 60 after it. With one clock those are always empty; when workers'
 * clocks disagree by a little, a worker behind must still count what a worker ahead already sent, or
 * together they could pass the limit in the window that ends at the later time.
 */
export function slidingMinuteKeys(clientId: string, now: Date): string[] {
  const current = Math.floor(now.getTime() / SECOND_MS);
  return Array.from({ length: 2 * SLIDING_SECONDS_BEFORE + 1 }, (_, i) =>
    secondKey(clientId, current - SLIDING_SECONDS_BEFORE + i),
  );
}

/**
 * When a request of `records` first fits, given the window's second rows (`start` of each second and its
 * count): each second leaves the window 61 seconds after it began. Null when it fits now.
 */
export function slidingMinuteFreeAt(
  seconds: readonly { start: Date; count: number }[],
  records: number,
  limit: number,
): Date | null {
  const ordered = [...seconds].sort((a, b) => a.start.getTime() - b.start.getTime());
  let used = ordered.reduce((sum, s) => sum + s.count, 0);
  if (used + records <= limit) return null;
  for (const second of ordered) {
    used -= second.count;
    if (used + records <= limit) {
      return new Date(second.start.getTime() + (SLIDING_SECONDS_BEFORE + 1) * SECOND_MS);
    }
  }
  throw new RangeError(`a request of ${records} records never fits a limit of ${limit}`);
}

/** "linkedin:<clientId>:day:2026-11-23" (UTC) */
export function dayWindow(clientId: string, now: Date): ThrottleWindow {
  const { start, end } = windowOf(now, DAY_MS);
  const label = start.toISOString().slice(0, 10);
  return { key: `linkedin:${clientId}:day:${label}`, start, end, label };
}

/** Start of the next clock minute (LinkedIn's own 429 says no more than "minute"). */
export function nextMinute(now: Date): Date {
  return windowOf(now, 60_000).end;
}

/** Next midnight UTC. */
export function nextUtcMidnight(now: Date): Date {
  return windowOf(now, DAY_MS).end;
}
