// The long-running worker loop: wake-up at commit, lease lapse re-claimed without a restart, pause,
// isolation from a hanging destination, strict order per ordering key with concurrent workers,
// heartbeats and graceful shutdown, on PGlite and PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/client";
import type { Channel } from "@/lib/delivery/channel";
import { claimBatches } from "@/lib/delivery/claim/claim-batches";
import { claimDueDeliveries } from "@/lib/delivery/claim/claim-due-deliveries";
import { reapExpiredLeases } from "@/lib/delivery/record/release-leases";
import { type RunWorkerOptions, runWorker, type WorkerSummary } from "@/lib/delivery/run/drain";
import { createEngineContext } from "@/lib/delivery/run/engine-context";
import { openWake, type WakeSource, wakeLocalWorkers } from "@/lib/delivery/run/wake";
import { processBatch } from "@/lib/delivery/send/process-batch";
import {
  addDeliveries,
  countByState,
  createOrganization,
  many,
  quietLog,
  waitUntil,
} from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { loopbackChannel } from "../../support/loopback-channel";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databasesUnderTest())("the delivery worker on %s", (kind) => {
  let t: TestDatabase;
  let prisma: Db;
  let org: string;
  let board: LoopbackBoard;
  let channel: Channel;
  let wake: WakeSource;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    prisma = t.prisma;
    org = await createOrganization(prisma);
    board = await startLoopbackBoard();
    channel = loopbackChannel({ baseUrl: board.url, maxBatch: 10, maxSendMs: 3_000 });
    wake = await openWake(t.target);
  });
  afterAll(async () => {
    await wake.close();
    await board.close();
    await t.close();
  });
  beforeEach(async () => {
    await prisma.deliveryAttempt.deleteMany();
    await prisma.deliveryRequest.deleteMany();
    await prisma.delivery.deleteMany();
    await prisma.destinationState.deleteMany();
    await prisma.channelControl.deleteMany();
    board.behave("*", null);
  });

  function start(extra: Partial<RunWorkerOptions> = {}) {
    const stop = new AbortController();
    const done = runWorker({
      db: prisma,
      channels: [channel],
      workerId: `w-${Math.random().toString(36).slice(2, 8)}`,
      mode: "standalone",
      signal: stop.signal,
      wake,
      pollMs: 60_000,
      leaseMs: 3_000,
      heartbeatMs: 100,
      log: quietLog(),
      ...extra,
    });
    return {
      async stop(): Promise<WorkerSummary> {
        stop.abort();
        return done;
      },
    };
  }

  it("new deliveries are picked up at commit through NOTIFY, not at the next poll (poll set to 60 s)", async () => {
    const worker = start();
    try {
      const [first] = await addDeliveries(prisma, org, many(1));
      await waitUntil("the first delivery", async () => board.acceptedCount(first!) === 1);
      await sleep(200); // the worker is idle and asleep for the next 60 s unless something wakes it
      const [second] = await addDeliveries(prisma, org, many(1));
      await waitUntil("the second delivery", async () => board.acceptedCount(second!) === 1, 15_000);
    } finally {
      const summary = await worker.stop();
      expect(summary.wakes.notified).toBeGreaterThanOrEqual(1);
      expect(summary.wakes.timer).toBe(0);
    }
  });

  it("rows whose lease expired are re-claimed by a running worker, without a restart", async () => {
    const ids = await addDeliveries(prisma, org, many(3));
    // a worker that claims and then dies: nobody will ever record these rows
    await claimDueDeliveries(prisma, {
      channel: "seek-signal",
      workerId: "died",
      limit: 10,
      leaseMs: 800,
      maxInFlightPerDestination: 100,
    });
    const worker = start();
    try {
      await waitUntil("re-claimed rows delivered", async () => ids.every((id) => board.acceptedCount(id) === 1));
    } finally {
      const summary = await worker.stop();
      expect(summary.reaped).toBe(3);
    }
    const attempts = await prisma.deliveryAttempt.findMany({ where: { deliveryId: { in: ids } } });
    expect(attempts.every((a) => a.batchSize === 1 && a.outcome === "delivered")).toBe(true);
  });

  it("a worker that re-claims its own lapsed row keeps the newer claim: the stale batch records nothing and lets go only of its own hold", async () => {
    const [id] = await addDeliveries(prisma, org, many(1));
    const ctx = createEngineContext({ db: prisma, channels: [channel], workerId: "stalled", log: quietLog() });
    const [stale] = await claimBatches(ctx, channel, 1, Promise.resolve(false));
    const staleHold = ctx.held.get(id!);
    // The worker stalls past its lease; it takes the row back itself, as its reaper and claimer.
    await prisma.delivery.update({ where: { id }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    expect(await reapExpiredLeases(prisma, ctx.deadAfterMs)).toBe(1);
    const [newer] = await claimBatches(ctx, channel, 1, Promise.resolve(false));
    const newerHold = ctx.held.get(id!);
    expect(newerHold).not.toBe(staleHold);

    expect(await processBatch(ctx, channel, stale!)).toMatchObject({ delivered: 0, leaseLost: 1 });
    expect(ctx.held.get(id!)).toBe(newerHold); // still renewed
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "in_flight",
      leaseOwner: "stalled",
      attempts: 2,
    });
    expect(await processBatch(ctx, channel, newer!)).toMatchObject({ delivered: 1, leaseLost: 0 });
    expect(ctx.held.size).toBe(0);
    expect(board.acceptedCount(id!)).toBe(2); // at least once: the stalled send did reach the board
  });

  it("an admin pause of a channel stops claims; unpausing resumes them", async () => {
    await prisma.channelControl.create({ data: { channel: "seek-signal", paused: true, changedBy: "admin" } });
    const worker = start();
    try {
      const ids = await addDeliveries(prisma, org, many(4));
      await sleep(300);
      expect(await countByState(prisma, ids)).toEqual({ pending: 4 });
      await prisma.channelControl.update({ where: { channel: "seek-signal" }, data: { paused: false } });
      wakeLocalWorkers();
      await waitUntil("delivered after unpause", async () => (await countByState(prisma, ids)).delivered === 4);
    } finally {
      await worker.stop();
    }
  });

  it("a destination whose requests hang never delays the others", async () => {
    board.behave("hang", () => ({ hang: true }));
    const worker = start({ concurrency: 4 });
    try {
      await addDeliveries(
        prisma,
        org,
        many(3, () => ({ destination: "hang" })),
      );
      await waitUntil("the hanging request", async () => board.hangingCount() > 0);
      const good = await addDeliveries(
        prisma,
        org,
        many(25, () => ({ destination: "good" })),
      );
      await waitUntil(
        "the other destination delivered",
        async () => (await countByState(prisma, good)).delivered === 25,
      );
      expect(board.hangingCount()).toBeGreaterThan(0); // still hanging while the others went through
    } finally {
      await worker.stop();
    }
  });

  it("rows sharing an orderingKey are delivered strictly in seq order, one in flight at a time, with concurrent workers", async () => {
    board.behave("seek", (_request, index) => ({ delayMs: index % 3 }));
    const keys = ["cand-1", "cand-2", "cand-3", "cand-4"];
    const specs = many(120, (i) =>
      i % 5 === 4 ? { payload: { n: i } } : { orderingKey: keys[i % 4]!, payload: { key: keys[i % 4], n: i } },
    );
    const ids = await addDeliveries(prisma, org, specs);
    const clients = kind === "postgres" ? [createPrisma(t.target), createPrisma(t.target), createPrisma(t.target)] : [];
    const workers = [0, 1, 2].map((i) => start({ db: clients[i] ?? prisma, concurrency: 3 }));
    try {
      await waitUntil("all delivered", async () => (await countByState(prisma, ids)).delivered === 120);
    } finally {
      for (const w of workers) await w.stop();
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
    expect(board.maxConcurrentPerKey).toBe(1);
    for (const id of ids) expect(board.acceptedCount(id)).toBe(1);
    for (const key of keys) {
      const expected = ids.filter((_, i) => specs[i]!.orderingKey === key);
      expect(board.accepted.filter((a) => a.key === key).map((a) => a.id)).toEqual(expected);
    }
  });

  it("a failed head releases its key for the next row", async () => {
    board.behave("seek", () => ({
      items: (item) =>
        (item.payload as { bad?: boolean }).bad ? { error: "BAD_USER_INPUT", message: "no", permanent: true } : "ok",
    }));
    const [head, next, last] = await addDeliveries(prisma, org, [
      { orderingKey: "k", payload: { key: "k", bad: true } },
      { orderingKey: "k", payload: { key: "k" } },
      { orderingKey: "k", payload: { key: "k" } },
    ]);
    const worker = start();
    try {
      await waitUntil("the rest of the key delivered", async () => board.acceptedCount(last!) === 1);
    } finally {
      await worker.stop();
    }
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: head } })).state).toBe("failed");
    expect(board.accepted.filter((a) => a.key === "k").map((a) => a.id)).toEqual([next, last]);
  });

  it("beats in WorkerHeartbeat while running and marks stoppedAt on a clean stop", async () => {
    const worker = start({ mode: "inline", workerId: "hb-worker" });
    await waitUntil(
      "a heartbeat",
      async () => (await prisma.workerHeartbeat.count({ where: { workerId: "hb-worker" } })) > 0,
    );
    const beat = await prisma.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "hb-worker" } });
    expect(beat).toMatchObject({ mode: "inline", pid: process.pid, stoppedAt: null, holding: 0 });
    expect(beat.hostname.length).toBeGreaterThan(0);
    await worker.stop();
    expect(
      (await prisma.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "hb-worker" } })).stoppedAt,
    ).not.toBeNull();
  });

  it("graceful shutdown: stops claiming, finishes what is in flight within the grace period", async () => {
    board.behave("seek", () => ({ delayMs: 300 }));
    const worker = start({ shutdownGraceMs: 10_000 });
    const ids = await addDeliveries(prisma, org, many(5));
    await waitUntil("the request in flight", async () =>
      board.requests.some((r) => r.items.some((i) => i.id === ids[0])),
    );
    const summary = await worker.stop();
    expect(summary.delivered).toBe(5);
    expect(await countByState(prisma, ids)).toEqual({ delivered: 5 });
  });

  it("graceful shutdown: past the grace period in-flight sends are aborted and no lease is left behind", async () => {
    board.behave("seek", () => ({ hang: true }));
    const ids = await addDeliveries(prisma, org, many(5));
    const worker = start({ shutdownGraceMs: 100, workerId: "leaver" });
    await waitUntil("the request in flight", async () => board.hangingCount() > 0);
    await worker.stop();
    const rows = await prisma.delivery.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.state === "pending" && r.leaseOwner === null && r.leaseExpiresAt === null)).toBe(true);
    expect(await prisma.delivery.count({ where: { leaseOwner: "leaver" } })).toBe(0);
    expect(
      (await prisma.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "leaver" } })).stoppedAt,
    ).not.toBeNull();
  });
});
