// LinkedIn's limits per LinkedIn application (one per customer, so keyed by client id), enforced for all
// workers and processes together: at most 10,000 records in any minute (a sliding minute counted in whole
// seconds, throttle-windows.ts) and 100,000 requests per UTC day (seed 004). Every request takes its
// share from both before it is sent, all or nothing, in one transaction that first locks the client's
// row, so concurrent workers can never together exceed either limit (docs/decisions/0051).

import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { loadLinkedinCredentials } from "./credentials";
import { type LinkedinSettings, linkedinSettingsFromEnv } from "./linkedin-settings";
import { dayWindow, secondBucket, slidingMinuteFreeAt, slidingMinuteKeys } from "./throttle-windows";

export type LinkedinLimits = { recordsPerMinute: number; requestsPerDay: number };

/** Seed 004's "Application maximum". Tests inject smaller limits; the product uses these. */
export const LINKEDIN_LIMITS: LinkedinLimits = { recordsPerMinute: 10_000, requestsPerDay: 100_000 };

export const MINUTE_FULL = "LINKEDIN_MINUTE_LIMIT";
export const DAY_FULL = "LINKEDIN_DAILY_BUDGET_USED";

export type ThrottleGrant =
  | { granted: true }
  | { granted: false; window: "minute" | "day"; code: string; message: string; notBefore: Date };

type Tx = Pick<Db, "$queryRaw" | "$executeRaw">;

class DayFull extends Error {}

/** Adds `amount` to a row's count unless that would pass `limit`: the new count, or null. */
async function take(tx: Tx, row: { key: string; start: Date }, amount: number, limit: number, now: Date) {
  const rows = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateWindow" (key, "windowStart", count, "updatedAt")
    VALUES (${row.key}, ${row.start}, ${amount}, ${now})
    ON CONFLICT (key) DO UPDATE SET count = "RateWindow".count + EXCLUDED.count, "updatedAt" = EXCLUDED."updatedAt"
    WHERE "RateWindow".count + EXCLUDED.count <= ${limit}
    RETURNING count`;
  return rows[0] ? Number(rows[0].count) : null;
}

/**
 * Takes `records` from the client's sliding minute, or says when they would fit. The sliding sum reads
 * many rows, so no single-row UPDATE can guard it: the client's lock row, upserted first, holds every other
 * reservation of the same client until this transaction ends (PostgreSQL row lock; PGlite is one
 * connection anyway).
 */
async function takeSlidingMinute(
  tx: Tx,
  clientId: string,
  records: number,
  limit: number,
  now: Date,
): Promise<{ firstOfSecond: boolean } | { freeAt: Date }> {
  const lockKey = `linkedin:${clientId}:lock`;
  await tx.$executeRaw`
    INSERT INTO "RateWindow" (key, "windowStart", count, "updatedAt") VALUES (${lockKey}, ${now}, 0, ${now})
    ON CONFLICT (key) DO UPDATE SET "updatedAt" = EXCLUDED."updatedAt"`;
  const keys = slidingMinuteKeys(clientId, now);
  const seconds = await tx.$queryRaw<{ windowStart: Date; count: number }[]>`
    SELECT "windowStart", count FROM "RateWindow" WHERE key IN (${Prisma.join(keys)})`;
  const freeAt = slidingMinuteFreeAt(
    seconds.map((s) => ({ start: new Date(s.windowStart), count: Number(s.count) })),
    records,
    limit,
  );
  if (freeAt) return { freeAt };
  const count = await take(tx, secondBucket(clientId, now), records, limit, now);
  if (count === null) throw new Error("the sliding minute had room, but its second row did not");
  return { firstOfSecond: count === records };
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
  const day = dayWindow(input.clientId, input.now);
  const taken = await db
    .$transaction(async (tx) => {
      const minute = await takeSlidingMinute(tx, input.clientId, input.records, limits.recordsPerMinute, input.now);
      if ("freeAt" in minute) return { full: "minute" as const, freeAt: minute.freeAt };
      // Minute first, then day, in every transaction: two workers never wait on each other's second row.
      // A full day throws, so the minute's share is rolled back with the transaction.
      if ((await take(tx, day, 1, limits.requestsPerDay, input.now)) === null) throw new DayFull();
      return { full: null, firstOfSecond: minute.firstOfSecond };
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
      message: `LinkedIn allows ${fmt(limits.recordsPerMinute)} note records per minute for client ${input.clientId}; the last minute's are used, so this waits until ${taken.freeAt.toISOString()}.`,
      notBefore: taken.freeAt,
    };
  }
  // The first request of a second (so at most once a second per client) drops rows nobody counts in again.
  if (taken.firstOfSecond) await forgetOldWindows(db, input.clientId, input.now);
  return { granted: true };
}

/** Second rows older than two minutes, and day rows older than two days, are of no further use. */
async function forgetOldWindows(db: Db, clientId: string, now: Date): Promise<void> {
  const escaped = clientId.replace(/[\\%_]/g, (c) => `\\${c}`);
  const seconds = `linkedin:${escaped}:second:%`;
  const days = `linkedin:${escaped}:day:%`;
  const secondsCutoff = new Date(now.getTime() - 2 * 60_000);
  const daysCutoff = new Date(now.getTime() - 2 * 86_400_000);
  await db.$executeRaw`
    DELETE FROM "RateWindow"
    WHERE (key LIKE ${seconds} ESCAPE '\\' AND "windowStart" < ${secondsCutoff})
       OR (key LIKE ${days} ESCAPE '\\' AND "windowStart" < ${daysCutoff})`;
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
