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
});
