// Retry now and cancel: which states each may change, what they change, that a row a worker holds is
// never touched (also when the worker's claim and the admin's click race), and the audit trail.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope, TOrganizationScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import type { DeliveryState } from "@/lib/generated/prisma/enums";
import { seedAdminAndOrganization } from "@/test/support/admin-scope";
import { insertDelivery, type TDeliveryRowInput } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { cancelDeliveries } from "./cancel-deliveries";
import { retryDeliveriesNow } from "./retry-deliveries-now";

// Retry now and cancel compare with the database's clock (now()), which no test can inject: the times
// of these rows are relative to the real clock, never fixed dates that one day stop being past or future.
const DAY = 86_400_000;
const past = new Date(Date.now() - 365 * DAY);
const farFuture = new Date(Date.now() + 50 * 365 * DAY);

describe.each(databasesUnderTest())("retry now and cancel on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TAllOrganizationsScope;
  let org: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    ({ admin, org } = await seedAdminAndOrganization(db));
  });
  afterAll(async () => database?.close());

  const make = (input: Omit<TDeliveryRowInput, "organizationId">) =>
    insertDelivery(db, { organizationId: org, ...input });
  const reload = (id: string) => db.delivery.findUniqueOrThrow({ where: { id } });
  const auditsFor = (id: string) =>
    db.auditLog.findMany({ where: { details: { path: ["deliveryIds"], array_contains: [id] } } });

  it.each(["failed", "dead", "pending"] as const)(
    "retry now makes a %s delivery pending and due now, keeping its attempt count and its last error",
    async (state) => {
      const row = await make({
        state,
        attempts: 4,
        nextAttemptAt: farFuture,
        lastError: "SEEK said no",
        lastErrorCode: "BAD_USER_INPUT",
      });
      const before = new Date();
      const result = await retryDeliveriesNow(db, admin, { deliveryIds: [row.id] });
      expect(result).toEqual({ changed: [row.id], refused: [] });
      const after = await reload(row.id);
      expect(after).toMatchObject({ state: "pending", attempts: 4, lastErrorCode: "BAD_USER_INPUT", leaseOwner: null });
      expect(after.nextAttemptAt.getTime()).toBeLessThan(farFuture.getTime());
      // The database's clock set it; allow the two clocks a little disagreement.
      expect(Math.abs(after.nextAttemptAt.getTime() - before.getTime())).toBeLessThan(60_000);
    },
  );

  it.each([
    ["delivered", "already delivered"],
    ["expired", "expired"],
    ["cancelled", "never sent again"],
  ] as const)("retry now refuses a %s delivery with a clear message and changes nothing", async (state, words) => {
    const row = await make({ state, nextAttemptAt: past });
    const before = await reload(row.id);
    await expect(retryDeliveriesNow(db, admin, { deliveryIds: [row.id] })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(words),
    });
    expect(await reload(row.id)).toEqual(before);
    expect(await auditsFor(row.id)).toEqual([]);
  });

  it("never touches an in_flight row whose lease is live: retry and cancel are refused and the row is unchanged", async () => {
    const row = await make({
      state: "in_flight",
      attempts: 1,
      leaseOwner: "worker-7",
      leaseExpiresAt: new Date(Date.now() + 10 * 60_000),
    });
    const before = await reload(row.id);
    await expect(retryDeliveriesNow(db, admin, { deliveryIds: [row.id] })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("being sent right now by worker worker-7"),
    });
    await expect(cancelDeliveries(db, admin, { deliveryIds: [row.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await reload(row.id)).toEqual(before);
    expect(await auditsFor(row.id)).toEqual([]);
  });

  it("an in_flight row whose lease lapsed is left to the workers to take back, not changed by an admin", async () => {
    const row = await make({ state: "in_flight", attempts: 1, leaseOwner: "worker-gone", leaseExpiresAt: past });
    const before = await reload(row.id);
    await expect(retryDeliveriesNow(db, admin, { deliveryIds: [row.id] })).rejects.toMatchObject({
      message: expect.stringContaining("lease lapsed"),
    });
    expect(await reload(row.id)).toEqual(before);
  });

  it.each(["pending", "failed", "dead"] as const)(
    "cancel makes a %s delivery cancelled with CANCELLED_BY_ADMIN, naming who",
    async (state) => {
      const row = await make({ state, attempts: 2, lastErrorCode: "TIMEOUT" });
      const result = await cancelDeliveries(db, admin, { deliveryIds: [row.id] }, { actorLabel: "ops@x.test" });
      expect(result.changed).toEqual([row.id]);
      const after = await reload(row.id);
      expect(after).toMatchObject({ state: "cancelled", lastErrorCode: "CANCELLED_BY_ADMIN", attempts: 2 });
      expect(after.lastError).toContain("ops@x.test");
    },
  );

  it.each(["delivered", "expired", "cancelled"] as const)(
    "cancel refuses a %s delivery and changes nothing",
    async (state: DeliveryState) => {
      const row = await make({ state });
      const before = await reload(row.id);
      await expect(cancelDeliveries(db, admin, { deliveryIds: [row.id] })).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await reload(row.id)).toEqual(before);
    },
  );

  it("records who retried or cancelled what, when, and how many, in the audit log", async () => {
    const a = await make({ state: "failed" });
    const b = await make({ state: "dead" });
    const held = await make({ state: "in_flight", leaseOwner: "w", leaseExpiresAt: farFuture });
    const result = await retryDeliveriesNow(db, admin, { deliveryIds: [a.id, b.id, held.id] });
    expect(result.changed.sort()).toEqual([a.id, b.id].sort());
    expect(result.refused).toEqual([{ id: held.id, state: "in_flight", reason: expect.stringContaining("worker w") }]);
    const retryAudit = await db.auditLog.findFirstOrThrow({ where: { action: "delivery.retry_now", targetId: null } });
    expect(retryAudit).toMatchObject({
      actorUserId: admin.actorUserId,
      organizationId: org,
      targetType: "delivery",
      count: 2,
      details: { refused: [{ id: held.id, state: "in_flight" }] },
    });
    expect(retryAudit.createdAt).toBeInstanceOf(Date);
    expect((retryAudit.details as { deliveryIds: string[] }).deliveryIds.sort()).toEqual([a.id, b.id].sort());

    await cancelDeliveries(db, admin, { deliveryIds: [a.id] });
    expect(await db.auditLog.findMany({ where: { action: "delivery.cancel", targetId: a.id } })).toMatchObject([
      { actorUserId: admin.actorUserId, organizationId: org, count: 1 },
    ]);
  });

  it("a retry half-opens its destination's circuit now (one probe), but never before the board's own Retry-After; cancel does not", async () => {
    const inFourMinutes = new Date(Date.now() + 4 * 60_000);
    const inOneMinute = new Date(Date.now() + 60_000);
    // Our own back-off after five failed probes; a board-given hold on another destination; a third
    // destination no row of the retry belongs to.
    await db.destinationState.createMany({
      data: [
        { destination: "seek", consecutiveFailures: 5, blockedUntil: inFourMinutes },
        {
          destination: `linkedin:${org}`,
          consecutiveFailures: 2,
          blockedUntil: inFourMinutes,
          boardHoldUntil: inOneMinute,
        },
        { destination: "elsewhere", consecutiveFailures: 5, blockedUntil: inFourMinutes },
      ],
    });
    try {
      const cancelled = await make({ state: "failed" });
      await cancelDeliveries(db, admin, { deliveryIds: [cancelled.id] });
      expect((await db.destinationState.findUniqueOrThrow({ where: { destination: "seek" } })).blockedUntil).toEqual(
        inFourMinutes,
      );

      const signal = await make({ state: "dead" });
      const note = await make({ state: "failed", channel: "linkedin-note" });
      const before = Date.now();
      await retryDeliveriesNow(db, admin, { deliveryIds: [signal.id, note.id] });
      const states = new Map((await db.destinationState.findMany()).map((s) => [s.destination, s] as const));
      // half open: still counted as failing (so exactly one probe goes), blocked no longer
      expect(states.get("seek")).toMatchObject({ consecutiveFailures: 5 });
      expect(Math.abs(states.get("seek")!.blockedUntil!.getTime() - before)).toBeLessThan(60_000);
      expect(states.get("seek")!.blockedUntil!.getTime()).toBeLessThan(inFourMinutes.getTime() - 60_000);
      expect(states.get(`linkedin:${org}`)).toMatchObject({ consecutiveFailures: 2, blockedUntil: inOneMinute });
      expect(states.get("elsewhere")!.blockedUntil).toEqual(inFourMinutes);
    } finally {
      await db.destinationState.deleteMany();
    }
  });

  it("another organization's delivery is not found for a hirer's scope, and stays as it was", async () => {
    const other = (await db.organization.create({ data: { slug: "other", name: "Other" } })).id;
    const foreign = await insertDelivery(db, { organizationId: other, state: "failed" });
    const hirer: TOrganizationScope = { kind: "organization", organizationId: org, actor: "user:h", actorUserId: "h" };
    await expect(retryDeliveriesNow(db, hirer, { deliveryIds: [foreign.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(cancelDeliveries(db, hirer, { deliveryIds: [foreign.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await reload(foreign.id)).state).toBe("failed");
  });
});

// PGlite is one connection: a claim and an admin's click there simply take turns. On PostgreSQL they can
// overlap; the admin's conditional UPDATE must then wait for the claim and see the row as in flight.
describe.each(databasesUnderTest().filter((kind) => kind === "postgres"))("retry racing a claim on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TAllOrganizationsScope;
  let org: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    ({ admin, org } = await seedAdminAndOrganization(db));
  });
  afterAll(async () => database?.close());

  it("a retry that arrives while a worker's claim is committing waits for it, then leaves the claimed row alone", async () => {
    const row = await insertDelivery(db, { organizationId: org, state: "pending", nextAttemptAt: past });
    if (database.target.kind !== "postgres") throw new Error("postgres only");
    const worker = new pg.Client({ connectionString: database.target.url });
    const watcher = new pg.Client({ connectionString: database.target.url });
    await Promise.all([worker.connect(), watcher.connect()]);
    try {
      // The worker's claim, as the engine writes it, held open before COMMIT.
      await worker.query("BEGIN");
      const claimed = await worker.query(
        `UPDATE "Delivery" SET state = 'in_flight', "leaseOwner" = 'worker-1',
           "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + interval '5 minutes', attempts = attempts + 1
         WHERE id = $1 AND state = 'pending' RETURNING id`,
        [row.id],
      );
      expect(claimed.rowCount).toBe(1);

      const retry = retryDeliveriesNow(db, admin, { deliveryIds: [row.id] }).then(
        () => "changed",
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      );
      // Wait until the admin's UPDATE is blocked on the claimed row's lock (a condition, not a timer).
      for (;;) {
        const { rows } = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE "Delivery"%'`,
        );
        if (rows[0].n > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await worker.query("COMMIT");

      expect(await retry).toMatch(/^CONFLICT: .*being sent right now by worker worker-1/);
      expect(await db.delivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        state: "in_flight",
        leaseOwner: "worker-1",
        attempts: 1,
      });
      expect(await db.auditLog.count({ where: { action: "delivery.retry_now" } })).toBe(0);
    } finally {
      await worker.end();
      await watcher.end();
    }
  });
});
