// Channels that take an ordering key's rows together (orderedRuns, the LinkedIn notes channel) get each
// claimed head's run in one batch, and a claim round still holds no more rows than its batch slots take.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Channel } from "@/lib/delivery/channel";
import { drainOnce } from "@/lib/delivery/run/drain";
import { addDeliveries, countByState, createOrganization, many, quietLog } from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { loopbackChannel } from "../../support/loopback-channel";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

describe.each(databasesUnderTest())("ordered runs on %s", (kind) => {
  let t: TestDatabase;
  let prisma: Db;
  let org: string;
  let board: LoopbackBoard;
  let channel: Channel;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    prisma = t.prisma;
    org = await createOrganization(prisma);
    board = await startLoopbackBoard();
    channel = { ...loopbackChannel({ baseUrl: board.url, maxBatch: 10, maxSendMs: 5_000 }), orderedRuns: true };
  });
  afterAll(async () => {
    await board.close();
    await t.close();
  });
  beforeEach(async () => {
    await prisma.deliveryAttempt.deleteMany();
    await prisma.deliveryRequest.deleteMany();
    await prisma.delivery.deleteMany();
  });

  const drain = () =>
    drainOnce({ db: prisma, channels: [channel], workerId: "w1", concurrency: 2, leaseMs: 3_000, log: quietLog() });

  it("a claim round holds at most its batch slots × maxBatch rows, even when every key has a long backlog", async () => {
    // 50 keys with 20 rows each, written key by key.
    const ids = await addDeliveries(
      prisma,
      org,
      many(1_000, (i) => ({
        orderingKey: `k${Math.floor(i / 20)}`,
        payload: { key: `k${Math.floor(i / 20)}`, n: i % 20 },
      })),
    );
    const first = await drain();
    expect(first).toMatchObject({ claimed: 20, batches: 2, delivered: 20 });
    // two whole runs of two keys, each in its own request, in seq order
    const runs = board.requests.map((r) => r.items.map((item) => (item.payload as { key: string; n: number }).n));
    expect(runs).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ]);
    // the heads that did not fit were given back unsent: still pending, with no attempt counted
    const rest = await prisma.delivery.findMany({ where: { state: "pending" }, select: { attempts: true } });
    expect(rest).toHaveLength(980);
    expect(rest.every((r) => r.attempts === 0)).toBe(true);

    let rounds = 1;
    while ((await countByState(prisma, ids)).pending) {
      const round = await drain();
      expect(round.claimed).toBeLessThanOrEqual(20);
      rounds++;
    }
    expect(rounds).toBe(50);
    const byKey = new Map<string, number[]>();
    for (const request of board.requests) {
      for (const item of request.items) {
        const { key, n } = item.payload as { key: string; n: number };
        byKey.set(key, [...(byKey.get(key) ?? []), n]);
      }
    }
    expect(byKey.size).toBe(50);
    for (const ns of byKey.values()) expect(ns).toEqual([...Array(20).keys()]);
    expect(board.maxConcurrentPerKey).toBe(1);
  });

  it("keys with one row each still fill every batch slot", async () => {
    await addDeliveries(
      prisma,
      org,
      many(40, (i) => ({ orderingKey: `single${i}`, payload: { key: `single${i}` } })),
    );
    expect(await drain()).toMatchObject({ claimed: 20, batches: 2, delivered: 20 });
  });
});
