// LinkedIn's application throttles, enforced by the mock as a check on the product: records per minute
// and requests per UTC day, per LinkedIn application (client id). Windows are fixed and aligned to the
// clock (a minute starts at :00, a day at midnight UTC), the way LinkedIn resets its daily limits.
// A request over a limit is answered 429 and not counted.

export type UsageLimits = { recordsPerMinute: number; requestsPerDay: number };

export const LINKEDIN_DOCUMENTED_LIMITS: UsageLimits = { recordsPerMinute: 10_000, requestsPerDay: 100_000 };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type UsageVerdict = { ok: true } | { ok: false; window: "minute" | "day"; limit: number };

export class UsageMeter {
  private readonly records = new Map<string, number>();
  private readonly requests = new Map<string, number>();

  /** Counts the request when it fits both windows; otherwise says which window it would overflow. */
  take(clientId: string, records: number, nowMs: number, limits: UsageLimits): UsageVerdict {
    const minuteKey = `${clientId}|${Math.floor(nowMs / MINUTE_MS)}`;
    const dayKey = `${clientId}|${Math.floor(nowMs / DAY_MS)}`;
    const usedRequests = this.requests.get(dayKey) ?? 0;
    if (usedRequests + 1 > limits.requestsPerDay) return { ok: false, window: "day", limit: limits.requestsPerDay };
    const usedRecords = this.records.get(minuteKey) ?? 0;
    if (usedRecords + records > limits.recordsPerMinute) {
      return { ok: false, window: "minute", limit: limits.recordsPerMinute };
    }
    this.requests.set(dayKey, usedRequests + 1);
    this.records.set(minuteKey, usedRecords + records);
    return { ok: true };
  }

  clear(): void {
    this.records.clear();
    this.requests.clear();
  }
}

/** Records per clock minute from a request log: [{ minute: ISO start, records }] in time order. */
export function recordsPerMinute(requests: readonly { atMs: number; countedRecords: number }[]) {
  const byMinute = new Map<number, number>();
  for (const r of requests) {
    if (r.countedRecords === 0) continue;
    const minute = Math.floor(r.atMs / MINUTE_MS);
    byMinute.set(minute, (byMinute.get(minute) ?? 0) + r.countedRecords);
  }
  return [...byMinute.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minute, records]) => ({ minute: new Date(minute * MINUTE_MS).toISOString(), records }));
}
