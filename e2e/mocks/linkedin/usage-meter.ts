// LinkedIn's application throttles, enforced by the mock as a check on the product: records per minute
// and requests per UTC day, per LinkedIn application (client id). The minute slides, counted in whole
// seconds: a request at t counts the records of the current UTC second and the 60 before it (the
// stricter reading of "records per minute"; the product's throttle counts the same way, decision 0051).
// Days are fixed and reset at midnight UTC, as LinkedIn documents. A request over a limit is answered
// 429 and not counted. The clock is the caller's (`nowMs`), so tests can drive it.

export type UsageLimits = { recordsPerMinute: number; requestsPerDay: number };

export const LINKEDIN_DOCUMENTED_LIMITS: UsageLimits = { recordsPerMinute: 10_000, requestsPerDay: 100_000 };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The seconds before the current one that the sliding minute still counts. */
const SLIDING_SECONDS_BEFORE = 60;

export type UsageVerdict = { ok: true } | { ok: false; window: "minute" | "day"; limit: number };

export class UsageMeter {
  /** per client: records accepted in each UTC second (epoch seconds), oldest first */
  private readonly records = new Map<string, { second: number; records: number }[]>();
  private readonly requests = new Map<string, number>();

  /** Counts the request when it fits both windows; otherwise says which window it would overflow. */
  take(clientId: string, records: number, nowMs: number, limits: UsageLimits): UsageVerdict {
    const dayKey = `${clientId}|${Math.floor(nowMs / DAY_MS)}`;
    const usedRequests = this.requests.get(dayKey) ?? 0;
    if (usedRequests + 1 > limits.requestsPerDay) return { ok: false, window: "day", limit: limits.requestsPerDay };
    const second = Math.floor(nowMs / 1_000);
    // Later seconds than this one (a caller whose clock went back) are still counted, as the product does.
    const counted = (this.records.get(clientId) ?? []).filter((s) => s.second >= second - SLIDING_SECONDS_BEFORE);
    this.records.set(clientId, counted);
    const usedRecords = counted.reduce((sum, s) => sum + s.records, 0);
    if (usedRecords + records > limits.recordsPerMinute) {
      return { ok: false, window: "minute", limit: limits.recordsPerMinute };
    }
    this.requests.set(dayKey, usedRequests + 1);
    counted.push({ second, records });
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
