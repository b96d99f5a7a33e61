// The destination circuit breaker counts failures of the destination, not of batches: batches that were
// in flight together and fail together are one failure; only failed probes escalate the back-off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { drainOnce } from "@/lib/delivery/run/drain";
import { addDeliveries, createOrganization, many, quietLog } from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { loopbackChannel } from "../../support/loopback-channel";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

describe.each(databasesUnderTest())("the destination circuit breaker on %s", (kind) => {
  let t: TestDatabase;
  let prisma: Db;
  let board: LoopbackBoard;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    prisma = t.prisma;
    board = await startLoopbackBoard();
  });
  afterAll(async () => {
    await board.close();
    await t.close();
  });

  it("four batches failing together open the circuit once (one failure, the first back-off); each failed probe adds one", async () => {
    const org = await createOrganization(prisma);
    await addDeliveries(
      prisma,
      org,
      many(40, () => ({ destination: "blip" })),
    );
    board.behave("blip", () => ({ status: 503 }));
    const channel = loopbackChannel({ baseUrl: board.url, maxBatch: 10, maxSendMs: 5_000 });
    const drain = () =>
      drainOnce({
        db: prisma,
        channels: [channel],
        workerId: "w1",
        concurrency: 4,
        leaseMs: 3_000,
        random: () => 1,
        log: quietLog(),
      });

    const before = Date.now();
    expect(await drain()).toMatchObject({ batches: 4, retried: 40 });
    const opened = await prisma.destinationState.findUniqueOrThrow({ where: { destination: "blip" } });
    expect(opened.consecutiveFailures).toBe(1);
    // the first failure's back-off: at most 1 s (DESTINATION_BACKOFF base), not 2^3 s for "four failures"
    expect(opened.blockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(opened.blockedUntil!.getTime()).toBeGreaterThanOrEqual(before + 500);

    // The half-open probe fails: that is the second consecutive failure.
    await prisma.destinationState.update({
      where: { destination: "blip" },
      data: { blockedUntil: new Date(Date.now() - 1) },
    });
    await prisma.delivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1) } });
    expect(await drain()).toMatchObject({ claimed: 1, retried: 1 });
    const probed = await prisma.destinationState.findUniqueOrThrow({ where: { destination: "blip" } });
    expect(probed.consecutiveFailures).toBe(2);
  });

  it("a half-open destination's probe and the healthy destinations' rows are claimed in one round; when the probe's claim fails, the others go back unsent", async () => {
    // Earlier tests' destinations stay shut, so this round sees only its own.
    await prisma.destinationState.updateMany({ data: { blockedUntil: new Date(Date.now() + 3_600_000) } });
    const org = await createOrganization(prisma);
    const [probeRow] = await addDeliveries(
      prisma,
      org,
      many(1, () => ({ destination: "mending" })),
    );
    const healthy = await addDeliveries(
      prisma,
      org,
      many(5, () => ({ destination: "fine" })),
    );
    await prisma.destinationState.create({
      data: { destination: "mending", consecutiveFailures: 1, blockedUntil: new Date(Date.now() - 1) },
    });
    const channel = loopbackChannel({ baseUrl: board.url, maxBatch: 10, maxSendMs: 5_000 });
    const drain = (db: Db) =>
      drainOnce({ db, channels: [channel], workerId: "w2", concurrency: 4, leaseMs: 3_000, log: quietLog() });

    // The probe's claim is a transaction; this client cannot open one.
    const noTransactions = new Proxy(prisma, {
      get(target, property) {
        if (property === "$transaction") return () => Promise.reject(new Error("no transaction today"));
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await expect(drain(noTransactions)).rejects.toThrow("no transaction today");
    const given = await prisma.delivery.findMany({ where: { id: { in: [...healthy, probeRow!] } } });
    expect(given.map((row) => [row.state, row.attempts, row.leaseOwner])).toEqual(
      given.map(() => ["pending", 0, null]),
    );

    expect(await drain(prisma)).toMatchObject({ claimed: 6, delivered: 6 });
    expect(board.acceptedCount(probeRow!)).toBe(1);
    expect(await prisma.destinationState.findUniqueOrThrow({ where: { destination: "mending" } })).toMatchObject({
      consecutiveFailures: 0,
    });
  });
});
