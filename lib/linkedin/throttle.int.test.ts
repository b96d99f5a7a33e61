// LinkedIn's limits counted in RateWindow rows shared by every worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { createPrisma, type Db } from "@/lib/db/client";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import type { LinkedinSettings } from "./linkedin-settings";
import { DAY_FULL, MINUTE_FULL, remainingDailyBudget, reserveLinkedinRequest } from "./throttle";

const KEY = "test-encryption-key-0123456789abcdef";
const settings: LinkedinSettings = {
  apiUrl: "http://127.0.0.1:1",
  tokenUrl: "http://127.0.0.1:1/oauth/v2/accessToken",
  encryptionKey: KEY,
  defaultOrganization: {},
};

describe.each(databasesUnderTest())("LinkedIn throttle on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let n = 0;
  const clientId = () => `client-${++n}`;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.prisma;
  });
  afterAll(async () => t?.close());

  it("grants records up to the per-minute limit and refuses the request that would pass it, until the next minute", async () => {
    const id = clientId();
    const limits = { recordsPerMinute: 250, requestsPerDay: 1000 };
    const now = new Date("2026-11-23T10:05:10.000Z");
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 100, now, limits })).toEqual({ granted: true });
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 100, now, limits })).toEqual({ granted: true });
    const refused = await reserveLinkedinRequest(db, { clientId: id, records: 100, now, limits });
    expect(refused).toMatchObject({
      granted: false,
      window: "minute",
      code: MINUTE_FULL,
      notBefore: new Date("2026-11-23T10:06:00.000Z"),
    });
    // what is left of the minute still fits a smaller request
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 50, now, limits })).toEqual({ granted: true });
    const nextMinute = new Date("2026-11-23T10:06:00.000Z");
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 100, now: nextMinute, limits })).toEqual({
      granted: true,
    });
    const rows = await db.rateWindow.findMany({
      where: { key: { startsWith: `linkedin:${id}:` } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      [`linkedin:${id}:day:2026-11-23`, 4],
      [`linkedin:${id}:minute:2026-11-23T10:05`, 250],
      [`linkedin:${id}:minute:2026-11-23T10:06`, 100],
    ]);
  });

  it("refuses once the day's requests are used up, until next midnight UTC, saying the daily budget is used up", async () => {
    const id = clientId();
    const limits = { recordsPerMinute: 10_000, requestsPerDay: 2 };
    const now = new Date("2026-11-23T18:00:00.000Z");
    await reserveLinkedinRequest(db, { clientId: id, records: 5, now, limits });
    await reserveLinkedinRequest(db, { clientId: id, records: 5, now, limits });
    const refused = await reserveLinkedinRequest(db, { clientId: id, records: 5, now, limits });
    expect(refused).toMatchObject({
      granted: false,
      window: "day",
      code: DAY_FULL,
      notBefore: new Date("2026-11-24T00:00:00.000Z"),
    });
    expect(refused.granted === false && refused.message).toMatch(/daily budget of 2 requests .* is used up/);
    // the refused request took nothing from the minute either: all or nothing
    const minute = await db.rateWindow.findUnique({ where: { key: `linkedin:${id}:minute:2026-11-23T18:00` } });
    expect(minute?.count).toBe(10);
    const tomorrow = new Date("2026-11-24T00:00:00.000Z");
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 5, now: tomorrow, limits })).toEqual({
      granted: true,
    });
  });

  it("counts each LinkedIn application (client id) on its own", async () => {
    const [a, b] = [clientId(), clientId()];
    const limits = { recordsPerMinute: 100, requestsPerDay: 10 };
    const now = new Date("2026-11-23T10:00:00.000Z");
    expect(await reserveLinkedinRequest(db, { clientId: a, records: 100, now, limits })).toEqual({ granted: true });
    expect(await reserveLinkedinRequest(db, { clientId: b, records: 100, now, limits })).toEqual({ granted: true });
    expect((await reserveLinkedinRequest(db, { clientId: a, records: 1, now, limits })).granted).toBe(false);
  });

  it("never lets concurrent reservations from two workers together pass the limit", async () => {
    const id = clientId();
    const other = createPrisma(t.target); // a second worker with its own connection pool
    try {
      const limits = { recordsPerMinute: 100, requestsPerDay: 1_000 };
      const now = new Date("2026-11-23T11:00:30.000Z");
      const grants = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          reserveLinkedinRequest(i % 2 === 0 ? db : other, { clientId: id, records: 7, now, limits }),
        ),
      );
      expect(grants.filter((g) => g.granted)).toHaveLength(14); // 14 × 7 = 98 ≤ 100 < 15 × 7
      const minute = await db.rateWindow.findUnique({ where: { key: `linkedin:${id}:minute:2026-11-23T11:00` } });
      expect(minute?.count).toBe(98);
      const day = await db.rateWindow.findUnique({ where: { key: `linkedin:${id}:day:2026-11-23` } });
      expect(day?.count).toBe(14);

      const dayLimits = { recordsPerMinute: 10_000, requestsPerDay: 9 };
      const dayId = clientId();
      const dayGrants = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          reserveLinkedinRequest(i % 2 === 0 ? db : other, { clientId: dayId, records: 3, now, limits: dayLimits }),
        ),
      );
      expect(dayGrants.filter((g) => g.granted)).toHaveLength(9);
      const dayMinute = await db.rateWindow.findUnique({ where: { key: `linkedin:${dayId}:minute:2026-11-23T11:00` } });
      expect(dayMinute?.count).toBe(27);
    } finally {
      await other.$disconnect();
    }
  });

  it("forgets windows older than two days when a new minute starts", async () => {
    const id = clientId();
    const limits = { recordsPerMinute: 100, requestsPerDay: 10 };
    await reserveLinkedinRequest(db, { clientId: id, records: 1, now: new Date("2026-11-20T10:00:00.000Z"), limits });
    await reserveLinkedinRequest(db, { clientId: id, records: 1, now: new Date("2026-11-23T10:00:00.000Z"), limits });
    const keys = (await db.rateWindow.findMany({ where: { key: { startsWith: `linkedin:${id}:` } } })).map(
      (r) => r.key,
    );
    expect(keys.sort()).toEqual([`linkedin:${id}:day:2026-11-23`, `linkedin:${id}:minute:2026-11-23T10:00`]);
  });

  it("reports the remaining daily budget of an organization's LinkedIn application, or null when it has none", async () => {
    const id = clientId();
    const org = await db.organization.create({
      data: {
        slug: `budget-${id}`,
        name: "Budget",
        linkedinClientId: id,
        linkedinClientSecretEnc: encryptSecret("secret", KEY),
        linkedinIntegrationContext: "urn:li:organization:5",
      },
    });
    const bare = await db.organization.create({ data: { slug: `bare-${id}`, name: "Bare" } });
    const limits = { recordsPerMinute: 10_000, requestsPerDay: 5 };
    const now = new Date("2026-11-23T09:00:00.000Z");
    await reserveLinkedinRequest(db, { clientId: id, records: 10, now, limits });
    await reserveLinkedinRequest(db, { clientId: id, records: 10, now, limits });
    expect(await remainingDailyBudget(db, org.id, { settings, now, limits })).toEqual({
      clientId: id,
      limit: 5,
      used: 2,
      remaining: 3,
      resetsAt: new Date("2026-11-24T00:00:00.000Z"),
    });
    expect(await remainingDailyBudget(db, org.id, { settings, now })).toMatchObject({
      limit: 100_000,
      remaining: 99_998,
    });
    expect(await remainingDailyBudget(db, bare.id, { settings, now })).toBeNull();
  });
});
