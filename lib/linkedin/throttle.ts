// LinkedIn's limits per LinkedIn application (one per customer, so keyed by client id), enforced for all
// workers and processes together: at most 10,000 records per minute and 100,000 requests per UTC day
// (seed 004). Every request takes its share from both RateWindow counters before it is sent, all or
// nothing, with an UPDATE that only succeeds while the count stays within the limit, so concurrent
// workers can never together exceed it (docs/decisions/0051).
import type { Db } from "../db/client";
import { loadLinkedinCredentials } from "./credentials";
import { type LinkedinSettings, linkedinSettingsFromEnv } from "./linkedin-settings";
import { dayWindow, minuteWindow, type ThrottleWindow } from "./throttle-windows";

export type LinkedinLimits = { recordsPerMinute: number; requestsPerDay: number };

/** Seed 004's "Application maximum". Tests inject smaller limits; the product uses these. */
export const LINKEDIN_LIMITS: LinkedinLimits = { recordsPerMinute: 10_000, requestsPerDay: 100_000 };

export const MINUTE_FULL = "LINKEDIN_MINUTE_LIMIT";
export const DAY_FULL = "LINKEDIN_DAILY_BUDGET_USED";

export type ThrottleGrant =
  | { granted: true }
  | { granted: false; window: "minute" | "day"; code: string; message: string; notBefore: Date };

class DayFull extends Error {}

/** Adds `amount` to a window's count unless that would pass `limit`: the new count, or null. */
async function take(tx: Pick<Db, "$queryRaw">, window: ThrottleWindow, amount: number, limit: number, now: Date) {
  const rows = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateWindow" (key, "windowStart", count, "updatedAt")
    VALUES (${window.key}, ${window.start}, ${amount}, ${now})
    ON CONFLICT (key) DO UPDATE SET count = "RateWindow".count + EXCLUDED.count, "updatedAt" = EXCLUDED."updatedAt"
    WHERE "RateWindow".count + EXCLUDED.count <= ${limit}
    RETURNING count`;
  return rows[0] ? Number(rows[0].count) : null;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** Reserves one request carrying `records` records for LinkedIn application `clientId`. */
export async function reserveLinkedinRequest(
  db: Db,
  input: { clientId: string; records: number; now: Date; limits?: LinkedinLimits },
): Promise<ThrottleGrant> {
  const limits = input.limits ?? LINKEDIN_LIMITS;
  if (input.records < 1 || input.records > limits.recordsPerMinute) {
    throw new RangeError(`a request carries 1 to ${limits.recordsPerMinute} records, not ${input.records}`);
  }
  const minute = minuteWindow(input.clientId, input.now);
  const day = dayWindow(input.clientId, input.now);
  const taken = await db
    .$transaction(async (tx) => {
      const minuteCount = await take(tx, minute, input.records, limits.recordsPerMinute, input.now);
      if (minuteCount === null) return { full: "minute" as const };
      // Minute first, then day, in every transaction: two workers never wait on each other's second row.
      // A full day throws, so the minute's share is rolled back with the transaction.
      if ((await take(tx, day, 1, limits.requestsPerDay, input.now)) === null) throw new DayFull();
      return { full: null, firstOfMinute: minuteCount === input.records };
    })
    .catch((error: unknown) => {
      if (error instanceof DayFull) return { full: "day" as const };
      throw error;
    });
  if (taken.full === "day") {
    return {
      granted: false,
      window: "day",
      code: DAY_FULL,
      message: `LinkedIn's daily budget of ${fmt(limits.requestsPerDay)} requests for client ${input.clientId} is used up for ${day.label} (UTC); sending resumes after midnight UTC (${day.end.toISOString()}).`,
      notBefore: day.end,
    };
  }
  if (taken.full === "minute") {
    return {
      granted: false,
      window: "minute",
      code: MINUTE_FULL,
      message: `LinkedIn allows ${fmt(limits.recordsPerMinute)} note records per minute for client ${input.clientId}; this minute's are used, so this waits until ${minute.end.toISOString()}.`,
      notBefore: minute.end,
    };
  }
  // Once a minute or so per client (the first request of a minute), drop windows nobody will count in again.
  if (taken.firstOfMinute) await forgetOldWindows(db, input.clientId, input.now);
  return { granted: true };
}

/** Windows of this client older than two days are of no further use. */
async function forgetOldWindows(db: Db, clientId: string, now: Date): Promise<void> {
  const prefix = `linkedin:${clientId.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`;
  const cutoff = new Date(now.getTime() - 2 * 86_400_000);
  await db.$executeRaw`DELETE FROM "RateWindow" WHERE key LIKE ${prefix} ESCAPE '\\' AND "windowStart" < ${cutoff}`;
}

export type DailyBudget = {
  clientId: string;
  limit: number;
  used: number;
  remaining: number;
  /** next midnight UTC */
  resetsAt: Date;
};

/**
 * Requests LinkedIn still allows today (UTC) for the organization's LinkedIn application, for the
 * deliveries page; null when LinkedIn is not configured for the organization.
 */
export async function remainingDailyBudget(
  db: Db,
  organizationId: string,
  options: { settings?: LinkedinSettings; now?: Date; limits?: LinkedinLimits } = {},
): Promise<DailyBudget | null> {
  const found = await loadLinkedinCredentials(db, organizationId, options.settings ?? linkedinSettingsFromEnv());
  if (!found.ok) return null;
  const { clientId } = found.credentials;
  const limit = (options.limits ?? LINKEDIN_LIMITS).requestsPerDay;
  const day = dayWindow(clientId, options.now ?? new Date());
  const row = await db.rateWindow.findUnique({ where: { key: day.key }, select: { count: true } });
  const used = row?.count ?? 0;
  return { clientId, limit, used, remaining: Math.max(0, limit - used), resetsAt: day.end };
}
