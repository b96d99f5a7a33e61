// Claims: leases with FOR UPDATE SKIP LOCKED, the ordering-key head rule, pauses, destination health,
// scheduling order, lease expiry and the lease guard, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/client";
import {
  anyHalfOpenCircuit,
  claimDueDeliveries,
  claimProbeDeliveries,
} from "@/lib/delivery/claim/claim-due-deliveries";
import { msUntilNextDue } from "@/lib/delivery/claim/next-due";
import { enqueueDeliveries, type NewDelivery } from "@/lib/delivery/enqueue/enqueue-delivery";
import { recordOutcomes } from "@/lib/delivery/record/record-outcomes";
import { reapExpiredLeases, releaseLeases, renewLeases } from "@/lib/delivery/record/release-leases";
import { addDeliveries, createOrganization, many } from "../../support/delivery-fixtures";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

const DEAD_AFTER = 3 * 86_400_000;

function claimOptions(workerId: string, limit = 100, leaseMs = 30_000) {
  return { channel: "seek-signal" as const, workerId, limit, leaseMs, maxInFlightPerDestination: 10_000 };
}

describe.each(databasesUnderTest())("claiming deliveries on %s", (kind) => {
  let t: TestDatabase;
  let prisma: Db;
  let org: string;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    prisma = t.prisma;
    org = await createOrganization(prisma);
  });
  afterAll(async () => t.close());

  async function reset() {
    await prisma.deliveryAttempt.deleteMany();
    await prisma.deliveryRequest.deleteMany();
    await prisma.delivery.deleteMany();
    await prisma.destinationState.deleteMany();
    await prisma.channelControl.deleteMany();
  }

  it("claim never double-claims under concurrent claimers", async () => {
    await reset();
    const ids = await addDeliveries(prisma, org, many(600));
    // On PostgreSQL every claimer has its own connection pool, so the claims truly race.
    const clients = kind === "postgres" ? Array.from({ length: 6 }, () => createPrisma(t.target)) : [prisma];
    try {
      const claimedBy = new Map<string, string[]>();
      await Promise.all(
        Array.from({ length: 12 }, async (_, w) => {
          const db = clients[w % clients.length]!;
          for (;;) {
            const rows = await claimDueDeliveries(db, claimOptions(`w${w}`, 7));
            if (rows.length === 0) return;
            for (const row of rows) claimedBy.set(row.id, [...(claimedBy.get(row.id) ?? []), `w${w}`]);
          }
        }),
      );
      expect([...claimedBy.values()].filter((owners) => owners.length > 1)).toEqual([]);
      expect(new Set(claimedBy.keys())).toEqual(new Set(ids));
      const owners = await prisma.delivery.findMany({ select: { id: true, leaseOwner: true, state: true } });
      for (const row of owners) {
        expect(row.state).toBe("in_flight");
        expect(claimedBy.get(row.id)).toEqual([row.leaseOwner]);
      }
    } finally {
      if (kind === "postgres") await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("a claim sets the lease owner and expiry, and counts the attempt", async () => {
    await reset();
    const [id] = await addDeliveries(prisma, org, many(1));
    const [row] = await claimDueDeliveries(prisma, claimOptions("w1", 10, 60_000));
    expect(row).toMatchObject({ id, attempts: 1, probe: false, suspect: false });
    const stored = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    expect(stored.leaseOwner).toBe("w1");
    expect(stored.leaseExpiresAt!.getTime() - Date.now()).toBeGreaterThan(50_000);
  });

  it("rows not yet due, and rows of other channels, are not claimed", async () => {
    await reset();
    await addDeliveries(prisma, org, [{ nextAttemptAt: new Date(Date.now() + 60_000) }, { channel: "linkedin-note" }]);
    expect(await claimDueDeliveries(prisma, claimOptions("w1"))).toEqual([]);
  });

  it("only the oldest undelivered row of an ordering key is claimable; rows without a key are independent", async () => {
    await reset();
    const [a1, a2, a3, free1, b1] = await addDeliveries(prisma, org, [
      { orderingKey: "A" },
      { orderingKey: "A" },
      { orderingKey: "A" },
      {},
      { orderingKey: "B" },
    ]);
    const first = await claimDueDeliveries(prisma, claimOptions("w1"));
    expect(first.map((r) => r.id).sort()).toEqual([a1, free1, b1].sort());
    // a1 in flight: a2 stays blocked, for every claimer
    expect(await claimDueDeliveries(prisma, claimOptions("w2"))).toEqual([]);
    await prisma.delivery.update({ where: { id: a1 }, data: { state: "delivered", leaseOwner: null } });
    expect((await claimDueDeliveries(prisma, claimOptions("w2"))).map((r) => r.id)).toEqual([a2]);
    // a retry of the head keeps the key: a3 never overtakes a2
    await releaseLeases(prisma, "w2", [a2!], { unsent: false, notBefore: new Date(Date.now() + 60_000) });
    expect(await claimDueDeliveries(prisma, claimOptions("w3"))).toEqual([]);
    // a failed head releases the key (docs/decisions/0041)
    await prisma.delivery.update({ where: { id: a2 }, data: { state: "failed" } });
    expect((await claimDueDeliveries(prisma, claimOptions("w3"))).map((r) => r.id)).toEqual([a3]);
  });

  it("the outbox INSERT takes its rows' ordering-key locks itself: a later writer of the key waits for the earlier's commit", async () => {
    await reset();
    const now = new Date();
    const event = await prisma.event.create({
      data: { organizationId: org, type: "Test", occurredAt: now, actor: "system" },
    });
    const row = (name: string): NewDelivery => ({
      organizationId: org,
      eventId: event.id,
      channel: "seek-signal",
      kind: "test",
      destination: "d",
      payload: { name },
      occurredAt: now,
      orderingKey: "candidate-2",
    });
    const committed: string[] = [];
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => {
      firstInserted = resolve;
    });
    // The first writer draws its seq, then holds its transaction open; the second draws after it. Were
    // the second not made to wait, it would commit first with the higher seq, and a claimer would see
    // (and send) it before the lower one.
    const first = prisma.$transaction(async (tx) => {
      await enqueueDeliveries(tx, [row("first")], now);
      firstInserted();
      await new Promise((resolve) => setTimeout(resolve, 300));
      committed.push("first");
    });
    const second = inserted.then(() =>
      prisma.$transaction(async (tx) => {
        await enqueueDeliveries(tx, [row("second")], now);
        committed.push("second");
      }),
    );
    await Promise.all([first, second]);
    const rows = await prisma.delivery.findMany({ where: { orderingKey: "candidate-2" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => (r.payload as { name: string }).name)).toEqual(["first", "second"]);
    expect(committed).toEqual(["first", "second"]);
  });

  it("a paused channel is not claimed; unpausing releases it", async () => {
    await reset();
    await addDeliveries(prisma, org, many(3));
    await prisma.channelControl.create({ data: { channel: "seek-signal", paused: true, changedBy: "test" } });
    expect(await claimDueDeliveries(prisma, claimOptions("w1"))).toEqual([]);
    await prisma.channelControl.update({ where: { channel: "seek-signal" }, data: { paused: false } });
    expect(await claimDueDeliveries(prisma, claimOptions("w1"))).toHaveLength(3);
  });

  it("when saturated, the nearest dueBy is served first (no deadline last), then the oldest nextAttemptAt", async () => {
    await reset();
    const now = Date.now();
    const [late, none, soon, noneOlder] = await addDeliveries(prisma, org, [
      { dueBy: new Date(now + 60_000) },
      { nextAttemptAt: new Date(now - 1_000) },
      { dueBy: new Date(now + 5_000) },
      { nextAttemptAt: new Date(now - 9_000) },
    ]);
    const order: string[] = [];
    for (let i = 0; i < 4; i++)
      order.push(...(await claimDueDeliveries(prisma, claimOptions("w", 1))).map((r) => r.id));
    expect(order).toEqual([soon, late, noneOlder, none]);
  });

  it("a blocked destination is not claimed while another keeps flowing; a half-open one gives exactly one probe", async () => {
    await reset();
    await addDeliveries(prisma, org, [
      ...many(3, () => ({ destination: "bad" })),
      ...many(2, () => ({ destination: "good" })),
    ]);
    await prisma.destinationState.create({
      data: { destination: "bad", consecutiveFailures: 2, blockedUntil: new Date(Date.now() + 60_000) },
    });
    const claimed = await claimDueDeliveries(prisma, claimOptions("w1"));
    expect(claimed.map((r) => r.destination)).toEqual(["good", "good"]);
    expect(await claimProbeDeliveries(prisma, claimOptions("w1"))).toEqual([]);
    expect(await anyHalfOpenCircuit(prisma)).toBe(false);

    // the block runs out: one probe, one row, for one claimer only; regular claims still skip it
    await prisma.destinationState.update({
      where: { destination: "bad" },
      data: { blockedUntil: new Date(Date.now() - 1) },
    });
    expect(await anyHalfOpenCircuit(prisma)).toBe(true);
    const probes = await Promise.all(["p1", "p2", "p3"].map((w) => claimProbeDeliveries(prisma, claimOptions(w))));
    expect(probes.flat()).toHaveLength(1);
    expect(probes.flat()[0]).toMatchObject({ destination: "bad", probe: true });
    expect(await claimDueDeliveries(prisma, claimOptions("w2"))).toEqual([]);
  });

  it("rows whose lease expired are re-claimed by another worker, and flagged to be sent alone", async () => {
    await reset();
    const ids = await addDeliveries(prisma, org, many(2));
    await claimDueDeliveries(prisma, claimOptions("dead-worker", 10, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await claimDueDeliveries(prisma, claimOptions("w2"))).toEqual([]);
    expect(await reapExpiredLeases(prisma, DEAD_AFTER)).toBe(2);
    const reclaimed = await claimDueDeliveries(prisma, claimOptions("w2"));
    expect(reclaimed.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(reclaimed.every((r) => r.suspect && r.attempts === 2)).toBe(true);
  });

  it("a worker whose lease was lost cannot overwrite another worker's result", async () => {
    await reset();
    const [id] = await addDeliveries(prisma, org, many(1));
    const [slow] = await claimDueDeliveries(prisma, claimOptions("slow", 10, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reapExpiredLeases(prisma, DEAD_AFTER);
    const [fast] = await claimDueDeliveries(prisma, claimOptions("fast"));
    const at = new Date();
    const delivered = {
      outcomes: new Map([[id!, { kind: "delivered" as const }]]),
      requests: [request(id!, "r-fast")],
    };
    const common = { sendStartedAt: at, now: at, deadAfterMs: DEAD_AFTER };
    expect(
      (await recordOutcomes(prisma, { ...common, workerId: "fast", batch: [fast!], result: delivered })).delivered,
    ).toBe(1);

    const retry = { kind: "retry" as const, code: "HTTP_503", message: "late and wrong" };
    const stale = { outcomes: new Map([[id!, retry]]), requests: [request(id!, "r-slow")] };
    const summary = await recordOutcomes(prisma, { ...common, workerId: "slow", batch: [slow!], result: stale });
    expect(summary.leaseLost).toEqual([id]);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "delivered",
      lastError: null,
    });
    const attempts = await prisma.deliveryAttempt.findMany({ where: { deliveryId: id } });
    expect(attempts.map((a) => [a.requestId, a.workerId, a.outcome])).toEqual([["r-fast", "fast", "delivered"]]);
  });

  it("a worker that claimed a row again after its own lease lapsed cannot record the old send over its newer claim", async () => {
    await reset();
    const [id] = await addDeliveries(prisma, org, many(1));
    const [old] = await claimDueDeliveries(prisma, claimOptions("w", 10, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await reapExpiredLeases(prisma, DEAD_AFTER)).toBe(1);
    const [newer] = await claimDueDeliveries(prisma, claimOptions("w"));
    expect(newer).toMatchObject({ id, attempts: 2 });
    const at = new Date();
    const common = { workerId: "w", sendStartedAt: at, now: at, deadAfterMs: DEAD_AFTER };
    const retry = { kind: "retry" as const, code: "HTTP_503", message: "the stalled send's answer" };
    const stale = { outcomes: new Map([[id!, retry]]), requests: [request(id!, "r-old")] };
    expect((await recordOutcomes(prisma, { ...common, batch: [old!], result: stale })).leaseLost).toEqual([id]);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "in_flight",
      leaseOwner: "w",
      attempts: 2,
    });

    const delivered = { outcomes: new Map([[id!, { kind: "delivered" as const }]]), requests: [request(id!, "r-new")] };
    expect((await recordOutcomes(prisma, { ...common, batch: [newer!], result: delivered })).delivered).toBe(1);
    const attempts = await prisma.deliveryAttempt.findMany({ where: { deliveryId: id } });
    expect(attempts.map((a) => [a.requestId, a.outcome])).toEqual([["r-new", "delivered"]]);
  });

  it("renewing a probe's lease pushes out its destination's block, so no second probe goes while it flies", async () => {
    await reset();
    await addDeliveries(
      prisma,
      org,
      many(2, () => ({ destination: "bad" })),
    );
    await prisma.destinationState.create({
      data: { destination: "bad", consecutiveFailures: 1, blockedUntil: new Date(Date.now() - 1) },
    });
    const [probe] = await claimProbeDeliveries(prisma, claimOptions("p1", 10, 1_000));
    expect(probe).toMatchObject({ destination: "bad", probe: true });
    expect(await renewLeases(prisma, "p1", [probe!.id], 120_000, [probe!.id])).toEqual([probe!.id]);
    const blocked = await prisma.destinationState.findUniqueOrThrow({ where: { destination: "bad" } });
    expect(blocked.blockedUntil!.getTime() - Date.now()).toBeGreaterThan(100_000);
    expect(await claimProbeDeliveries(prisma, claimOptions("p2"))).toEqual([]);

    // Once the probe's row is no longer held, renewing it touches neither the row nor the block.
    await releaseLeases(prisma, "p1", [probe!.id], { unsent: false });
    await prisma.destinationState.update({ where: { destination: "bad" }, data: { blockedUntil: null } });
    expect(await renewLeases(prisma, "p1", [probe!.id], 120_000, [probe!.id])).toEqual([]);
    expect(await prisma.destinationState.findUniqueOrThrow({ where: { destination: "bad" } })).toMatchObject({
      blockedUntil: null,
    });
  });

  it("an idle worker sleeps only until it may reap a lapsed lease again, not until its next poll", async () => {
    await reset();
    await addDeliveries(prisma, org, many(1));
    await claimDueDeliveries(prisma, claimOptions("gone", 10, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // it reaped 300 ms ago, so it may reap again in 700 ms (at most once a second)
    const ms = await msUntilNextDue(prisma, 60_000, 700);
    expect(ms).toBeGreaterThanOrEqual(700);
    expect(ms).toBeLessThan(5_000);
    expect(await msUntilNextDue(prisma, 60_000, 0)).toBeLessThan(700);
  });

  it("a live worker whose renewal ran late does not take its own rows back from itself; another worker does", async () => {
    await reset();
    const [mine, forgotten] = await addDeliveries(prisma, org, many(2));
    await claimDueDeliveries(prisma, claimOptions("slow", 10, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // it still sends `mine`; `forgotten` is one it no longer holds (its record failed)
    expect(await reapExpiredLeases(prisma, DEAD_AFTER, { workerId: "slow", ids: [mine!] })).toBe(1);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: forgotten } })).toMatchObject({ state: "pending" });
    expect(await renewLeases(prisma, "slow", [mine!], 30_000)).toEqual([mine]);
    await prisma.delivery.update({ where: { id: mine }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    expect(await reapExpiredLeases(prisma, DEAD_AFTER, { workerId: "other", ids: [] })).toBe(1);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: mine } })).toMatchObject({
      state: "pending",
      lastErrorCode: "LEASE_EXPIRED",
    });
  });

  it("renewing extends only the leases this worker still holds", async () => {
    await reset();
    const [mine, theirs] = await addDeliveries(prisma, org, many(2));
    await claimDueDeliveries(prisma, { ...claimOptions("me", 1, 1_000) });
    await claimDueDeliveries(prisma, { ...claimOptions("them", 1, 1_000) });
    const renewed = await renewLeases(prisma, "me", [mine!, theirs!], 120_000);
    expect(renewed).toEqual([mine]);
    const rows = await prisma.delivery.findMany({ where: { id: { in: [mine!, theirs!] } }, orderBy: { seq: "asc" } });
    expect(rows[0]!.leaseExpiresAt!.getTime() - Date.now()).toBeGreaterThan(100_000);
    expect(rows[1]!.leaseExpiresAt!.getTime() - Date.now()).toBeLessThan(2_000);
  });

  it("a row past the dead age whose lease lapsed goes to dead, not back to the queue", async () => {
    await reset();
    const [id] = await addDeliveries(prisma, org, [{ createdAt: new Date(Date.now() - DEAD_AFTER - 1_000) }]);
    await claimDueDeliveries(prisma, claimOptions("gone", 10, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reapExpiredLeases(prisma, DEAD_AFTER);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "dead",
      leaseOwner: null,
    });
  });
});

function request(deliveryId: string, requestId: string) {
  return {
    requestId,
    deliveryIds: [deliveryId],
    httpStatus: 200,
    durationMs: 5,
    errorCodes: [],
    requestBody: "{}",
    responseBody: "{}",
  };
}
