// LinkedIn's throttle windows as fixed clock windows: a minute starts at :00 and a day at midnight UTC
// (LinkedIn: daily limits reset at midnight UTC). Keys name the window, so every worker counting in
// the same window meets on the same RateWindow row.

export type ThrottleWindow = { key: string; start: Date; end: Date; label: string };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function windowOf(now: Date, lengthMs: number): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / lengthMs) * lengthMs;
  return { start: new Date(start), end: new Date(start + lengthMs) };
}

/** "linkedin:<clientId>:minute:2026-11-23T10:05" */
export function minuteWindow(clientId: string, now: Date): ThrottleWindow {
  const { start, end } = windowOf(now, MINUTE_MS);
  const label = start.toISOString().slice(0, 16);
  return { key: `linkedin:${clientId}:minute:${label}`, start, end, label };
}

/** "linkedin:<clientId>:day:2026-11-23" (UTC) */
export function dayWindow(clientId: string, now: Date): ThrottleWindow {
  const { start, end } = windowOf(now, DAY_MS);
  const label = start.toISOString().slice(0, 10);
  return { key: `linkedin:${clientId}:day:${label}`, start, end, label };
}

/** Start of the next clock minute. */
export function nextMinute(now: Date): Date {
  return windowOf(now, MINUTE_MS).end;
}

/** Next midnight UTC. */
export function nextUtcMidnight(now: Date): Date {
  return windowOf(now, DAY_MS).end;
}
