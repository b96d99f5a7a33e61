// The overview's numbers on a seeded outbox at known times: what is waiting, what ended in the last hour
// and day, event-to-delivery percentiles (PostgreSQL's percentile_cont), missed deadlines, the error
// rate, the minute-by-minute hour, the workers and what they hold; and the pause switch with its audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/session-user";
import { scopeFor, type TAllOrganizationsScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { claimDueDeliveries } from "@/lib/delivery/claim/claim-due-deliveries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { readOverview } from "./read-overview";
import { setChannelPaused } from "./set-channel-paused";

const NOW = new Date("2026-11-23T10:00:30.000Z");
const at = (iso: string) => new Date(`2026-11-23T${iso}Z`);
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const SECOND = 1_000;
const HOUR = 3_600_000;

describe.each(databasesUnderTest())("the overview on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let org: string;
  let admin: TAllOrganizationsScope;
  let hirer: { id: string };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    org = (await db.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    const adminUser = await db.user.create({
      data: { email: "ops@x.test", name: "Olive Ops", role: "admin", passwordHash: "x" },
    });
    admin = { kind: "all", actor: `user:${adminUser.id}`, actorUserId: adminUser.id };
    const hirerUser = await db.user.create({
      data: { email: "h@x.test", name: "Hal", role: "hirer", organizationId: org, passwordHash: "x" },
    });
    hirer = { id: hirerUser.id };
  });
  afterAll(async () => database?.close());

  let seq = 0;
  const delivery = (channel: string, fields: Partial<Prisma.DeliveryUncheckedCreateInput>) =>
    db.delivery.create({
      data: {
        organizationId: org,
        channel,
        kind: channel === "seek-history" ? "HistoryCreate" : "ApplicationStatusUpdate",
        destination: "seek",
        payload: { n: ++seq },
        occurredAt: fields.deliveredAt ?? fields.createdAt ?? ago(HOUR),
        createdAt: ago(2 * HOUR),
        updatedAt: fields.deliveredAt ?? ago(2 * HOUR),
        ...fields,
      },
    });
  /** a delivered row whose event happened `latencyMs` before it reached the board */
  const delivered = (
    channel: string,
    deliveredAt: Date,
    latencyMs: number,
    extra: Partial<Prisma.DeliveryUncheckedCreateInput> = {},
  ) =>
    delivery(channel, {
      state: "delivered",
      deliveredAt,
      occurredAt: new Date(deliveredAt.getTime() - latencyMs),
      ...extra,
    });
  const attempt = (deliveryId: string, startedAt: Date, outcome: string) =>
    db.deliveryAttempt.create({
      data: { deliveryId, requestId: `r-${++seq}`, workerId: "worker-a", startedAt, durationMs: 120, outcome },
    });

  it("with an empty outbox shows all four channels (the boards and the webhooks) at zero, a flat hour and no workers", async () => {
    const overview = await readOverview(db, NOW);
    expect(overview.hasDeliveries).toBe(false);
    expect(overview.expectationMs).toBe(60_000);
    expect(overview.channels.map((c) => c.channel)).toEqual([
      "seek-signal",
      "seek-history",
      "linkedin-note",
      "webhook",
    ]);
    for (const channel of overview.channels) {
      expect(channel).toMatchObject({
        pending: 0,
        inFlight: 0,
        oldestPendingAt: null,
        control: { paused: false, changedBy: null, changedAt: null },
        lastHour: { delivered: 0, failed: 0, dead: 0, expired: 0, missedDeadlines: 0 },
        latency: { samples: 0, p50Ms: null, p95Ms: null, p99Ms: null },
        attempts: { total: 0, failed: 0 },
      });
      expect(channel.perMinute).toHaveLength(60);
      expect(channel.perMinute[0]!.at).toBe("2026-11-23T09:01:00.000Z");
      expect(channel.perMinute[59]!.at).toBe("2026-11-23T10:00:00.000Z");
    }
    expect(overview.workers).toEqual({ alive: [], inactive: [], heldByUnknown: 0 });
  });

  describe("on a seeded outbox", () => {
    beforeAll(async () => {
      // seek-signal: five deliveries in the last hour (1 s, 2 s, 3 s, 4 s and 100 s after their events),
      // one three hours ago (day only), one two days ago (neither window).
      const r1 = await delivered("seek-signal", at("10:00:05"), 1 * SECOND);
      await delivered("seek-signal", at("09:59:10"), 2 * SECOND);
      await delivered("seek-signal", at("09:30:00"), 3 * SECOND);
      await delivered("seek-signal", at("09:01:00"), 4 * SECOND);
      await delivered("seek-signal", at("09:00:45"), 100 * SECOND); // in the hour, before the chart's first minute
      await delivered("seek-signal", ago(3 * HOUR), 500 * SECOND);
      await delivered("seek-signal", ago(48 * HOUR), 1 * SECOND);
      const failed = await delivery("seek-signal", { state: "failed", updatedAt: at("09:45:00") });
      await delivery("seek-signal", { state: "failed", updatedAt: ago(5 * HOUR) });
      const dead = await delivery("seek-signal", { state: "dead", updatedAt: at("09:50:00") });
      await delivery("seek-signal", { state: "expired", updatedAt: ago(48 * HOUR) });
      await delivery("seek-signal", { state: "cancelled", updatedAt: at("09:55:00") });
      const waiting = await delivery("seek-signal", { state: "pending", createdAt: at("09:40:00") });
      await delivery("seek-signal", { state: "pending", createdAt: at("09:55:00") });
      for (const owner of ["worker-a", "worker-a", "ghost-worker"]) {
        await delivery("seek-signal", { state: "in_flight", leaseOwner: owner, leaseExpiresAt: ago(-HOUR) });
      }
      await attempt(r1.id, at("10:00:00"), "delivered"); // minute 59
      await attempt(failed.id, at("09:44:00"), "retry"); // minute 43
      await attempt(failed.id, at("09:45:00"), "failed"); // minute 44
      await attempt(dead.id, at("09:50:10"), "dead"); // minute 49
      await attempt(waiting.id, at("09:00:40"), "retry"); // in the hour, before the chart
      await attempt(waiting.id, ago(2 * HOUR), "retry"); // outside the hour

      // seek-history deadlines (60 s after the event).
      await delivered("seek-history", at("09:30:30"), 40 * SECOND, { dueBy: at("09:30:00") }); // late: missed
      await delivered("seek-history", at("09:39:30"), 20 * SECOND, { dueBy: at("09:40:00") }); // on time
      await delivery("seek-history", { state: "pending", dueBy: at("09:59:00"), createdAt: at("09:58:00") }); // overdue
      await delivery("seek-history", { state: "pending", dueBy: at("10:00:50"), createdAt: at("09:59:50") }); // not yet due
      await delivery("seek-history", { state: "failed", dueBy: ago(5 * HOUR), updatedAt: ago(5 * HOUR) }); // missed, day only
      await delivery("seek-history", { state: "cancelled", dueBy: at("09:50:00") }); // an admin's choice, not a miss
      await delivered("seek-history", ago(48 * HOUR), 90 * SECOND, { dueBy: ago(48 * HOUR + 30 * SECOND) }); // too old

      await db.workerHeartbeat.createMany({
        data: [
          {
            workerId: "worker-a",
            mode: "inline",
            hostname: "web-1",
            pid: 101,
            startedAt: ago(HOUR),
            lastBeatAt: ago(5 * SECOND),
            holding: 2,
          },
          {
            workerId: "worker-b",
            mode: "standalone",
            hostname: "job-1",
            pid: 202,
            startedAt: ago(HOUR),
            lastBeatAt: ago(45 * SECOND),
          },
          {
            workerId: "worker-c",
            mode: "cron",
            hostname: "cron-1",
            pid: 303,
            startedAt: ago(HOUR),
            lastBeatAt: ago(600 * SECOND),
            stoppedAt: ago(600 * SECOND),
          },
          {
            workerId: "worker-old",
            mode: "inline",
            hostname: "web-0",
            pid: 9,
            startedAt: ago(80 * HOUR),
            lastBeatAt: ago(72 * HOUR),
          },
        ],
      });
    });

    it("counts pending and in-flight rows and dates the oldest pending row", async () => {
      const signal = (await readOverview(db, NOW)).channels[0]!;
      expect(signal).toMatchObject({ pending: 2, inFlight: 3, oldestPendingAt: "2026-11-23T09:40:00.000Z" });
    });

    it("counts rows delivered, failed, dead and expired in the last hour and the last day", async () => {
      const overview = await readOverview(db, NOW);
      expect(overview.hasDeliveries).toBe(true);
      const signal = overview.channels[0]!;
      expect(signal.lastHour).toEqual({ delivered: 5, failed: 1, dead: 1, expired: 0, missedDeadlines: 0 });
      expect(signal.lastDay).toEqual({ delivered: 6, failed: 2, dead: 1, expired: 0, missedDeadlines: 0 });
    });

    it("gives p50/p95/p99 of event-to-delivery time over the last hour, interpolated like percentile_cont", async () => {
      const signal = (await readOverview(db, NOW)).channels[0]!;
      // sorted 1, 2, 3, 4, 100 s: p95 sits at rank 3.8 (4 s + 0.8 × 96 s), p99 at 3.96.
      expect(signal.latency).toEqual({ samples: 5, p50Ms: 3_000, p95Ms: 80_800, p99Ms: 96_160 });
      const history = (await readOverview(db, NOW)).channels[1]!;
      expect(history.latency).toEqual({ samples: 2, p50Ms: 30_000, p95Ms: 39_000, p99Ms: 39_800 });
    });

    it("counts missed deadlines: delivered after dueBy or still undelivered past it, cancelled rows aside", async () => {
      const history = (await readOverview(db, NOW)).channels[1]!;
      expect(history.lastHour.missedDeadlines).toBe(2);
      expect(history.lastDay.missedDeadlines).toBe(3);
      expect(history.lastDay.failed).toBe(1);
      expect(history).toMatchObject({ pending: 2, oldestPendingAt: "2026-11-23T09:58:00.000Z" });
    });

    it("gives the hour's error rate from attempt outcomes and the minutes of deliveries and failures", async () => {
      const signal = (await readOverview(db, NOW)).channels[0]!;
      expect(signal.attempts).toEqual({ total: 5, failed: 4 });
      const busy = signal.perMinute.flatMap((point, minute) =>
        point.delivered || point.failures ? [{ minute, ...point }] : [],
      );
      expect(busy).toEqual([
        { minute: 0, at: "2026-11-23T09:01:00.000Z", delivered: 1, failures: 0 },
        { minute: 29, at: "2026-11-23T09:30:00.000Z", delivered: 1, failures: 0 },
        { minute: 43, at: "2026-11-23T09:44:00.000Z", delivered: 0, failures: 1 },
        { minute: 44, at: "2026-11-23T09:45:00.000Z", delivered: 0, failures: 1 },
        { minute: 49, at: "2026-11-23T09:50:00.000Z", delivered: 0, failures: 1 },
        { minute: 58, at: "2026-11-23T09:59:00.000Z", delivered: 1, failures: 0 },
        { minute: 59, at: "2026-11-23T10:00:00.000Z", delivered: 1, failures: 0 },
      ]);
      const note = (await readOverview(db, NOW)).channels[2]!;
      expect(note).toMatchObject({ pending: 0, attempts: { total: 0, failed: 0 }, lastDay: { delivered: 0 } });
    });

    it("lists live workers with the rows they hold, stale and stopped ones apart, and rows held by no listed worker", async () => {
      const { workers } = await readOverview(db, NOW);
      expect(workers.alive).toEqual([
        expect.objectContaining({
          workerId: "worker-a",
          mode: "inline",
          hostname: "web-1",
          pid: 101,
          status: "alive",
          holding: 2,
        }),
      ]);
      expect(workers.inactive.map((w) => [w.workerId, w.status, w.holding])).toEqual([
        ["worker-b", "stale", 0],
        ["worker-c", "stopped", 0],
      ]);
      expect(workers.heldByUnknown).toBe(1);
    });
  });

  describe("pausing and resuming a channel", () => {
    const audits = () => db.auditLog.findMany({ where: { targetType: "channel" }, orderBy: { createdAt: "asc" } });
    /** what a worker serving seek-signal would claim now */
    const claimSeekSignal = () =>
      claimDueDeliveries(db, {
        channel: "seek-signal",
        workerId: "test-claimer",
        limit: 10,
        leaseMs: 60_000,
        maxInFlightPerDestination: 100,
      });

    it("refuses a hirer and writes nothing", async () => {
      const user = await loadSessionUser(db, { userId: hirer.id, signedInAt: NOW.getTime() });
      if (!user) throw new Error("the hirer is missing");
      const scope = scopeFor(user);
      expect(scope.kind).toBe("organization");
      await expect(setChannelPaused(db, scope, { channel: "seek-signal", paused: true })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await db.channelControl.findMany()).toEqual([]);
      expect(await audits()).toEqual([]);
    });

    it("pause writes ChannelControl with who and when, audits it, shows on the overview, and stops claims", async () => {
      const pausedAt = new Date("2026-11-23T10:00:10.000Z");
      const result = await setChannelPaused(db, admin, { channel: "seek-signal", paused: true }, pausedAt);
      expect(result).toEqual({
        channel: "seek-signal",
        paused: true,
        changed: true,
        changedAt: pausedAt.toISOString(),
      });
      expect(await db.channelControl.findUniqueOrThrow({ where: { channel: "seek-signal" } })).toEqual({
        channel: "seek-signal",
        paused: true,
        changedBy: admin.actor,
        changedAt: pausedAt,
      });
      expect(await audits()).toEqual([
        expect.objectContaining({
          action: "channel.pause",
          actorUserId: admin.actorUserId,
          targetType: "channel",
          targetId: "seek-signal",
        }),
      ]);
      const overview = await readOverview(db, NOW);
      expect(overview.channels[0]!.control).toEqual({
        paused: true,
        changedBy: "Olive Ops",
        changedAt: pausedAt.toISOString(),
      });
      expect(overview.channels[1]!.control.paused).toBe(false);
      const claimed = await claimSeekSignal();
      expect(claimed).toEqual([]);
    });

    it("pausing a paused channel changes nothing and writes no audit entry", async () => {
      const result = await setChannelPaused(db, admin, { channel: "seek-signal", paused: true });
      expect(result).toMatchObject({ changed: false, paused: true });
      expect(await audits()).toHaveLength(1);
    });

    it("resume writes ChannelControl and an audit entry, and the channel's rows can be claimed again", async () => {
      const result = await setChannelPaused(db, admin, { channel: "seek-signal", paused: false });
      expect(result).toMatchObject({ changed: true, paused: false });
      expect(await db.channelControl.findUniqueOrThrow({ where: { channel: "seek-signal" } })).toMatchObject({
        paused: false,
        changedBy: admin.actor,
      });
      expect((await audits()).map((a) => a.action)).toEqual(["channel.pause", "channel.resume"]);
      const claimed = await claimSeekSignal();
      expect(claimed.length).toBeGreaterThan(0);
    });
  });
});
