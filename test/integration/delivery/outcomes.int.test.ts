// One drain round through a real HTTP channel: outcomes, attempts, retries, dead, expired, poison rows,
// destination isolation, Retry-After and rate windows, on PGlite and PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Channel } from "@/lib/delivery/channel";
import { drainOnce } from "@/lib/delivery/run/drain";
import { addDeliveries, countByState, createOrganization, many, quietLog } from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { loopbackChannel } from "../../support/loopback-channel";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

const DAY = 86_400_000;

describe.each(databasesUnderTest())("delivering through a channel on %s", (kind) => {
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
    channel = loopbackChannel({ baseUrl: board.url, maxBatch: 10, maxSendMs: 5_000 });
  });
  afterAll(async () => {
    await board.close();
    await t.close();
  });
  beforeEach(async () => {
    await prisma.deliveryAttempt.deleteMany();
    await prisma.deliveryRequest.deleteMany();
    await prisma.delivery.deleteMany();
    await prisma.destinationState.deleteMany();
    await prisma.rateWindow.deleteMany();
    board.behave("*", null);
    for (const d of ["seek", "bad", "good", "limited"]) board.behave(d, null);
  });

  const drain = (extra: Partial<Parameters<typeof drainOnce>[0]> = {}) =>
    drainOnce({ db: prisma, channels: [channel], workerId: "w1", leaseMs: 3_000, log: quietLog(), ...extra });

  it("delivers a batch and records one attempt per delivery per HTTP request", async () => {
    const ids = await addDeliveries(prisma, org, many(13));
    const summary = await drain();
    expect(summary).toMatchObject({ claimed: 13, batches: 2, delivered: 13, requests: 2 });
    expect(await countByState(prisma)).toEqual({ delivered: 13 });
    for (const id of ids) expect(board.acceptedCount(id)).toBe(1);
    const attempts = await prisma.deliveryAttempt.findMany({
      orderBy: { deliveryId: "asc" },
      include: { request: true },
    });
    expect(attempts).toHaveLength(13);
    expect(new Set(attempts.map((a) => a.requestId)).size).toBe(2);
    expect(attempts.map((a) => a.batchSize).sort()).toEqual([...Array(10).fill(10), 3, 3, 3].sort());
    expect(attempts[0]).toMatchObject({ workerId: "w1", outcome: "delivered", httpStatus: 200, errorCodes: [] });
    expect(attempts[0]!.request?.requestBody).toContain(attempts[0]!.deliveryId);
    // each HTTP request is stored once, its bodies with it, however many deliveries it carried
    const requests = await prisma.deliveryRequest.findMany({ orderBy: { batchSize: "desc" } });
    expect(requests.map((r) => [r.batchSize, r.channel, r.workerId])).toEqual([
      [10, attempts[0]!.request!.channel, "w1"],
      [3, attempts[0]!.request!.channel, "w1"],
    ]);
    expect(new Set(attempts.map((a) => a.requestLogId))).toEqual(new Set(requests.map((r) => r.id)));
    const row = await prisma.delivery.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(row).toMatchObject({ state: "delivered", leaseOwner: null, leaseExpiresAt: null, attempts: 1 });
    expect(row.deliveredAt).not.toBeNull();
  });

  it("permanent failures go to `failed` with the board's message and are never retried automatically", async () => {
    const [poison, ...others] = await addDeliveries(
      prisma,
      org,
      many(4, (i) => ({ payload: { n: i, reject: i === 0 } })),
    );
    board.behave("seek", () => ({
      items: (item) =>
        (item.payload as { reject: boolean }).reject
          ? { error: "BAD_USER_INPUT", message: "/input/token: Is not valid", permanent: true }
          : "ok",
    }));
    await drain();
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: poison } })).toMatchObject({
      state: "failed",
      lastError: "/input/token: Is not valid",
      lastErrorCode: "BAD_USER_INPUT",
    });
    for (const id of others) expect(board.acceptedCount(id)).toBe(1);
    board.behave("seek", null);
    expect((await drain()).claimed).toBe(0);
  });

  it("a single poison delivery never blocks the queue behind it (it is isolated once it broke a send)", async () => {
    const [poison, ...rest] = await addDeliveries(
      prisma,
      org,
      many(5, (i) => ({ payload: { n: i, throw: i === 0 } })),
    );
    const first = await drain();
    expect(first).toMatchObject({ retried: 5, sendErrors: 1 });
    // the whole batch broke: everyone is suspect and goes alone from now on; the board was never asked,
    // so the destination's block is short; move time on for the test instead of sleeping
    await prisma.delivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await prisma.destinationState.deleteMany();
    const later = await addDeliveries(prisma, org, many(3));
    const second = await drain({ concurrency: 10 });
    expect(second.batches).toBe(6); // five suspects alone, the three new rows together
    for (const id of [...rest, ...later]) expect(board.acceptedCount(id)).toBe(1);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: poison } })).toMatchObject({
      state: "pending",
      lastErrorCode: "SEND_ERROR",
      attempts: 2,
    });
    const attempts = await prisma.deliveryAttempt.findMany({ where: { deliveryId: poison } });
    expect(attempts.map((a) => [a.outcome, a.errorCodes])).toEqual([
      ["retry", ["SEND_ERROR"]],
      ["retry", ["SEND_ERROR"]],
    ]);
  });

  it("transient errors are retried with backoff until they succeed", async () => {
    const [id] = await addDeliveries(prisma, org, many(1));
    board.behave("seek", () => ({ status: 503 }));
    const before = Date.now();
    await drain({ random: () => 0.5 });
    const row = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "pending", lastErrorCode: "HTTP_503", attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 1_000);
    expect((await drain()).claimed).toBe(0);

    board.behave("seek", null);
    await prisma.delivery.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await prisma.destinationState.update({
      where: { destination: "seek" },
      data: { blockedUntil: new Date(Date.now() - 1) },
    });
    const summary = await drain();
    expect(summary).toMatchObject({ delivered: 1 });
    expect(await prisma.destinationState.findUniqueOrThrow({ where: { destination: "seek" } })).toMatchObject({
      consecutiveFailures: 0,
      blockedUntil: null,
    });
    const outcomes = await prisma.deliveryAttempt.findMany({
      where: { deliveryId: id },
      orderBy: { startedAt: "asc" },
    });
    expect(outcomes.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ["retry", 503],
      ["delivered", 200],
    ]);
  });

  it("Retry-After is honoured for the row and for its destination", async () => {
    const [id] = await addDeliveries(prisma, org, many(1));
    board.behave("seek", () => ({ status: 429, retryAfterSeconds: 120 }));
    const before = Date.now();
    await drain({ random: () => 0 });
    const row = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    expect(row.lastErrorCode).toBe("RATE_LIMITED");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    const state = await prisma.destinationState.findUniqueOrThrow({ where: { destination: "seek" } });
    expect(state.blockedUntil!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    // kept apart, so an admin's retry (which probes a destination early) still waits for it
    expect(state.boardHoldUntil!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
  });

  it("a destination that keeps failing is backed off while another keeps flowing", async () => {
    const bad = await addDeliveries(
      prisma,
      org,
      many(20, () => ({ destination: "bad" })),
    );
    const good = await addDeliveries(
      prisma,
      org,
      many(20, () => ({ destination: "good" })),
    );
    board.behave("bad", () => ({ status: 500 }));
    const mark = board.requests.length;
    // The first failure blocks the destination for 0.5-1 s from the worker's clock, and claims compare
    // with the database's clock. Four rounds on a loaded machine can outlast 1 s, so the worker's clock
    // is put an hour ahead: the block then outlives the test, whatever the machine's speed.
    const workerClock = () => new Date(Date.now() + 60 * 60_000);
    for (let round = 0; round < 4; round++) {
      await drain({ concurrency: 4, now: workerClock });
      await prisma.delivery.updateMany({
        where: { state: "pending" },
        data: { nextAttemptAt: new Date(Date.now() - 1) },
      });
    }
    expect(await countByState(prisma, good)).toEqual({ delivered: 20 });
    expect(await countByState(prisma, bad)).toEqual({ pending: 20 });
    // the first round found it failing (at most the batches claimed together), then it was left alone
    const badRequests = board.requests.slice(mark).filter((r) => r.destination === "bad");
    expect(badRequests.length).toBeLessThanOrEqual(2);
    const state = await prisma.destinationState.findUniqueOrThrow({ where: { destination: "bad" } });
    expect(state.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(state.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(state.lastError).toContain("HTTP_500");
  });

  it("a recovering destination gets one probe; its success closes the circuit for everyone", async () => {
    const ids = await addDeliveries(
      prisma,
      org,
      many(12, () => ({ destination: "bad" })),
    );
    await prisma.destinationState.create({
      data: { destination: "bad", consecutiveFailures: 3, blockedUntil: new Date(Date.now() - 1), lastError: "x" },
    });
    const mark = board.requests.length;
    const probe = await drain({ concurrency: 8 });
    expect(probe).toMatchObject({ claimed: 1, delivered: 1 });
    expect(board.requests.slice(mark).filter((r) => r.destination === "bad")).toHaveLength(1);
    const after = await drain({ concurrency: 8 });
    expect(after.delivered).toBe(11);
    expect(await countByState(prisma, ids)).toEqual({ delivered: 12 });
  });

  it("a probe whose row expired before sending hands the probe back at once", async () => {
    await addDeliveries(prisma, org, [{ destination: "bad", expiresAt: new Date(Date.now() - 1) }]);
    await prisma.destinationState.create({
      data: { destination: "bad", consecutiveFailures: 2, blockedUntil: new Date(Date.now() - 1) },
    });
    expect(await drain()).toMatchObject({ claimed: 1, expired: 1 });
    const state = await prisma.destinationState.findUniqueOrThrow({ where: { destination: "bad" } });
    expect(state.blockedUntil!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(state.consecutiveFailures).toBe(2);
  });

  it("a delivery that keeps failing longer than the dead age goes to `dead`, visible, never dropped", async () => {
    const [old] = await addDeliveries(prisma, org, [{ createdAt: new Date(Date.now() - 4 * DAY) }]);
    board.behave("seek", () => ({ status: 401 }));
    await drain({ deadAfterMs: 3 * DAY });
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: old } })).toMatchObject({
      state: "dead",
      lastErrorCode: "UNAUTHENTICATED",
    });
    expect((await prisma.deliveryAttempt.findFirstOrThrow({ where: { deliveryId: old } })).outcome).toBe("dead");
  });

  it("identifiers past expiresAt are `expired` and never sent", async () => {
    const [expired, alive] = await addDeliveries(prisma, org, [
      { expiresAt: new Date(Date.now() - 1_000) },
      { expiresAt: new Date(Date.now() + DAY) },
    ]);
    const summary = await drain();
    expect(summary).toMatchObject({ expired: 1, delivered: 1 });
    expect(board.requests.flatMap((r) => r.items.map((i) => i.id))).not.toContain(expired);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: expired } })).toMatchObject({
      state: "expired",
      lastErrorCode: "IDENTIFIER_EXPIRED",
    });
    expect(board.acceptedCount(alive!)).toBe(1);
  });

  it("the channel may report an identifier expired too", async () => {
    const [id] = await addDeliveries(prisma, org, many(1));
    board.behave("seek", () => ({ items: () => "expired" }));
    await drain();
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).state).toBe("expired");
  });

  it("rows of a channel nobody registered are left alone and reported", async () => {
    const [id] = await addDeliveries(prisma, org, [{ channel: "linkedin-note" }]);
    const summary = await drain();
    expect(summary.unservedChannels).toEqual([{ channel: "linkedin-note", pending: 1 }]);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "pending", attempts: 0 });
    expect((await drainOnce({ db: prisma, channels: [], workerId: "none", log: quietLog() })).claimed).toBe(0);
  });
});
