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

  it("grants records up to the per-minute limit and refuses the request that would pass it, until enough of the sliding minute has passed", async () => {
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
      // the second 10:05:10 leaves the sliding minute (that second and the 60 after it) at 10:06:11
      notBefore: new Date("2026-11-23T10:06:11.000Z"),
    });
    // what is left of the minute still fits a smaller request
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 50, now, limits })).toEqual({ granted: true });
    // a new clock minute is no reset: 10:06:10.999 still counts 10:05:10
    const sameSlidingMinute = new Date("2026-11-23T10:06:10.999Z");
    expect(
      await reserveLinkedinRequest(db, { clientId: id, records: 1, now: sameSlidingMinute, limits }),
    ).toMatchObject({
      granted: false,
      window: "minute",
    });
    const next = new Date("2026-11-23T10:06:11.000Z");
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 100, now: next, limits })).toEqual({
      granted: true,
    });
    const rows = await db.rateWindow.findMany({
      where: { key: { startsWith: `linkedin:${id}:` } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      [`linkedin:${id}:day:2026-11-23`, 4],
      [`linkedin:${id}:lock`, 0],
      [`linkedin:${id}:second:${Date.parse("2026-11-23T10:05:10Z") / 1000}`, 250],
      [`linkedin:${id}:second:${Date.parse("2026-11-23T10:06:11Z") / 1000}`, 100],
    ]);
  });

  it("a burst across a clock minute's boundary never passes the limit: the minute slides", async () => {
    const id = clientId();
    const limits = { recordsPerMinute: 100, requestsPerDay: 1000 };
    const before = new Date("2026-11-23T10:05:59.900Z");
    const after = new Date("2026-11-23T10:06:00.100Z");
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 100, now: before, limits })).toEqual({
      granted: true,
    });
    // a fixed clock minute would start afresh at 10:06:00 and let 100 more through within 200 ms
    expect(await reserveLinkedinRequest(db, { clientId: id, records: 100, now: after, limits })).toMatchObject({
      granted: false,
      window: "minute",
      notBefore: new Date("2026-11-23T10:07:00.000Z"),
    });
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
    const minute = await db.rateWindow.findUnique({ where: { key: `linkedin:${id}:second:${now.getTime() / 1000}` } });
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
      // spread over five seconds of one sliding minute, so no single row's guard could hold the limit
      const grants = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          reserveLinkedinRequest(i % 2 === 0 ? db : other, {
            clientId: id,
            records: 7,
            now: new Date(now.getTime() + (i % 5) * 1000),
            limits,
          }),
        ),
      );
      expect(grants.filter((g) => g.granted)).toHaveLength(14); // 14 × 7 = 98 ≤ 100 < 15 × 7
      const seconds = await db.rateWindow.findMany({ where: { key: { startsWith: `linkedin:${id}:second:` } } });
      expect(seconds.reduce((sum, s) => sum + s.count, 0)).toBe(98);
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
      const dayMinute = await db.rateWindow.findUnique({
        where: { key: `linkedin:${dayId}:second:${now.getTime() / 1000}` },
      });
      expect(dayMinute?.count).toBe(27);
    } finally {
      await other.$disconnect();
    }
  });

  it("forgets second rows older than two minutes and day rows older than two days", async () => {
    const id = clientId();
    const limits = { recordsPerMinute: 100, requestsPerDay: 10 };
    await reserveLinkedinRequest(db, { clientId: id, records: 1, now: new Date("2026-11-20T10:00:00.000Z"), limits });
    await reserveLinkedinRequest(db, { clientId: id, records: 1, now: new Date("2026-11-23T10:00:00.000Z"), limits });
    const keys = (await db.rateWindow.findMany({ where: { key: { startsWith: `linkedin:${id}:` } } })).map(
      (r) => r.key,
    );
    expect(keys.sort()).toEqual([
      `linkedin:${id}:day:2026-11-23`,
      `linkedin:${id}:lock`,
      `linkedin:${id}:second:${Date.parse("2026-11-23T10:00:00Z") / 1000}`,
    ]);
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
