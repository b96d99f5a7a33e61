// POST /api/cron/deliver through the real route module and the process-wide database client, and the
// cron drain (drainFor) it runs: bounded, safe to call concurrently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/cron/deliver/route";
import { db } from "@/lib/db/client";
import { drainFor } from "@/lib/delivery/run/drain";
import { resetEnvCache } from "@/lib/env";
import { addDeliveries, countByState, createOrganization, many, quietLog } from "../../support/delivery-fixtures";
import { startLoopbackBoard } from "../../support/loopback-board";
import { loopbackChannel } from "../../support/loopback-channel";
import { useProcessDatabase } from "../../support/process-database";
import { databasesUnderTest } from "../../support/test-databases";

const SECRET = "cron-secret-for-tests-0123456789";

function call(query = "", authorization: string | null = `Bearer ${SECRET}`) {
  const headers = authorization ? { authorization } : undefined;
  return POST(new Request(`http://localhost/api/cron/deliver${query}`, { method: "POST", headers }));
}

describe.each(databasesUnderTest())("POST /api/cron/deliver on %s", (kind) => {
  let restore: () => Promise<void>;

  beforeAll(async () => {
    ({ restore } = await useProcessDatabase(kind, { CRON_SECRET: SECRET }));
  });
  afterAll(async () => restore());

  it("answers 503 with a clear error when CRON_SECRET is not set", async () => {
    delete process.env.CRON_SECRET;
    resetEnvCache();
    try {
      const response = await call();
      expect(response.status).toBe(503);
      expect((await response.json()).error.message).toContain("CRON_SECRET");
    } finally {
      process.env.CRON_SECRET = SECRET;
      resetEnvCache();
    }
  });

  it("answers 401 without the right bearer secret", async () => {
    expect((await call("", null)).status).toBe(401);
    const wrong = await call("", "Bearer not-the-secret-at-all-no");
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("answers 400 to a maxMs that is not a number", async () => {
    expect((await call("?maxMs=soon")).status).toBe(400);
  });

  it("drains the product's channels for a bounded time and can be called concurrently", async () => {
    const org = await createOrganization(db());
    const ids = await addDeliveries(db(), org, many(2));
    const responses = await Promise.all([call("?maxMs=2000"), call("?maxMs=999999")]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(bodies[0]).toMatchObject({ maxMs: 2000, unservedChannels: [] });
    expect(bodies[1].maxMs).toBe(25_000);
    // Between the two calls each row was claimed once; SEEK is not configured in tests, so both wait.
    expect(bodies[0].claimed + bodies[1].claimed).toBe(2);
    const rows = await db().delivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => [r.state, r.attempts, r.lastErrorCode])).toEqual([
      ["pending", 1, "SEEK_TOKEN_NOT_CONFIGURED"],
      ["pending", 1, "SEEK_TOKEN_NOT_CONFIGURED"],
    ]);
    const beats = await db().workerHeartbeat.findMany({ where: { mode: "cron" } });
    expect(beats).toHaveLength(2);
    expect(beats.every((b) => b.stoppedAt !== null)).toBe(true);
  });

  it("concurrent cron drains share the work: every delivery sent exactly once", async () => {
    const board = await startLoopbackBoard();
    try {
      await db().delivery.deleteMany();
      const org = await createOrganization(db());
      const ids = await addDeliveries(
        db(),
        org,
        many(150, () => ({ destination: "cron" })),
      );
      // Generous bounds: on a loaded CI machine a send must not overrun into a retry (that would be a
      // legitimate at-least-once resend, not what this test is about). Drains return once idle.
      const channels = [loopbackChannel({ baseUrl: board.url, maxBatch: 10, maxSendMs: 15_000 })];
      const runs = await Promise.all(
        ["c1", "c2", "c3"].map((workerId) => drainFor(90_000, { db: db(), channels, workerId, log: quietLog() })),
      );
      expect(runs.reduce((sum, r) => sum + r.delivered, 0)).toBe(150);
      expect(await countByState(db(), ids)).toEqual({ delivered: 150 });
      for (const id of ids) expect(board.acceptedCount(id)).toBe(1);
    } finally {
      await board.close();
    }
  });
});
