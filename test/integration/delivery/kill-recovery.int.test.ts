// A worker process killed -9 while its request is open at the board: another worker process takes its
// rows back within one (short, renewed) lease, not after the channel's whole send limit. The workers
// run with the production lease and SEEK's production send limit (60 s), under which the lease used to be
// 60 s + a 15 s margin (docs/decisions/0128). PostgreSQL only: PGlite is one process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { DEFAULT_LEASE_MS } from "@/lib/env";
import { createOrganization, waitUntil } from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { spawnWorkerProcess, type WorkerProcess } from "../../support/spawn-worker-process";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

const WORKER_SCRIPT = "test/support/loopback-worker.ts";
/** SEEK's send limit (seek-send-run.ts), which the lease used to be built on */
const SEEK_MAX_SEND_MS = 60_000;
/** the lease before decision 0128: the channel's send limit plus a 15 s margin */
const OLD_LEASE_MS = SEEK_MAX_SEND_MS + 15_000;
/** how often the old lease was renewed: min(10 s, lease / 3) */
const OLD_RENEW_EVERY_MS = 10_000;
const ROWS = 300;

async function insertDeliveries(prisma: Db, org: string, count: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, "occurredAt",
                            "nextAttemptAt", "createdAt", "updatedAt")
    SELECT 'kr_' || lpad(g::text, 6, '0'), ${org}, 'seek-signal', 'ApplicationStatusUpdate', 'kr',
           jsonb_build_object('n', g), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM generate_series(1, ${count}::int) AS g`;
}

// PostgreSQL only (PGlite is one process). An empty describe.each leaves the file without a suite, which
// Vitest reports as a failure when TEST_DATABASE_URL is unset (a laptop, npm run test:future).
describe.runIf(databasesUnderTest().includes("postgres")).each(["postgres" as const])(
  "a worker process killed -9 on %s",
  (kind) => {
    let t: TestDatabase;
    let board: LoopbackBoard;
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      t = await openTestDatabase(kind);
      board = await startLoopbackBoard();
    });
    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      await board?.close();
      await t?.close();
    });

    it("has its rows re-claimed by another worker within one lease, long before the old 75 s lease; every row reaches the board", async () => {
      const prisma = t.prisma;
      const org = await createOrganization(prisma);
      const env = {
        DATABASE_URL: t.target.kind === "postgres" ? t.target.url : "",
        BOARD_URL: board.url,
        MAX_SEND_MS: String(SEEK_MAX_SEND_MS),
        CONCURRENCY: "2",
        MAX_BATCH: "100",
        SIGNALHOUSE_LEASE: undefined, // the production default
      };
      const spawn = () => {
        const worker = spawnWorkerProcess(WORKER_SCRIPT, env);
        workers.push(worker);
        return worker;
      };
      const heartbeatOf = async (worker: WorkerProcess) => {
        await waitUntil(
          "a worker heartbeat",
          async () => (await prisma.workerHeartbeat.count({ where: { pid: worker.child.pid } })) === 1,
          60_000,
        );
        return prisma.workerHeartbeat.findFirstOrThrow({ where: { pid: worker.child.pid } });
      };

      // The victim alone: the board holds its requests open, so it surely holds rows when it dies.
      const victim = spawn();
      const victimId = (await heartbeatOf(victim)).workerId;
      board.behave("kr", (request) => (request.workerId === victimId ? { hang: true } : {}));
      const insertedAt = Date.now();
      await insertDeliveries(prisma, org, ROWS);
      await waitUntil("the victim with two requests open", async () => board.hangingCount() === 2, 60_000);

      // The survivor takes what the victim could not. The victim keeps its rows, by renewal, for longer
      // than one lease while its requests stay open; then it is killed with them still open.
      const survivor = spawn();
      const survivorId = (await heartbeatOf(survivor)).workerId;
      const openedAt = Math.min(...board.requests.filter((r) => r.workerId === victimId).map((r) => r.receivedAt));
      await waitUntil(
        "the survivor has delivered the rest, and the victim's requests have been open for 1.5 leases",
        async () =>
          Date.now() > openedAt + 1.5 * DEFAULT_LEASE_MS &&
          (await prisma.delivery.count({ where: { state: "delivered" } })) === ROWS - 200,
        60_000,
      );
      const held = await prisma.delivery.findMany({
        where: { leaseOwner: victimId, state: "in_flight" },
        select: { id: true },
      });
      const killedAt = Date.now();
      victim.child.kill("SIGKILL");
      expect(await victim.exited).toBeNull();
      expect(held.length).toBe(200); // two batches of 100, both still open at the board and still its own

      // Long enough for the old lease to have run out too, so it fails on the timestamps below, not here.
      await waitUntil(
        `all ${ROWS} delivered`,
        async () => (await prisma.delivery.count({ where: { state: "delivered" } })) === ROWS,
        OLD_LEASE_MS + 45_000,
      );

      const heldIds = new Set(held.map((r) => r.id));
      const resentAt = new Map<string, number>();
      for (const request of board.requests) {
        if (request.workerId !== survivorId) continue;
        for (const item of request.items) {
          if (heldIds.has(item.id) && !resentAt.has(item.id)) resentAt.set(item.id, request.receivedAt);
        }
      }
      expect(resentAt.size).toBe(held.length);
      const lastResend = Math.max(...resentAt.values());
      // Under the old lease the victim's last renewal (every 10 s) left its rows leased for at least
      // 75 - 10 = 65 s after the kill, so none could have come back before then. Under the renewed short
      // lease they come back about one lease after the kill.
      expect(lastResend - killedAt).toBeLessThan(OLD_LEASE_MS - OLD_RENEW_EVERY_MS);

      // Every row reached the board; only the rows the victim held may have reached it twice.
      const counts = new Map<string, number>();
      for (const a of board.accepted) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
      expect(counts.size).toBe(ROWS);
      expect([...counts].filter(([id, n]) => n > 1 && !heldIds.has(id))).toEqual([]);
      // Each was taken back at least once; a second take-back (a survivor stalled past its own lease on a
      // loaded machine) would only be counted and reported: the record's fence keeps it harmless.
      const takenBack = await prisma.delivery.findMany({
        where: { id: { in: [...heldIds] } },
        select: { attempts: true },
      });
      expect(takenBack.every((r) => r.attempts >= 2)).toBe(true);
      const takenBackTwice = takenBack.filter((r) => r.attempts > 2).length;
      console.info(
        `[kill-recovery] killed worker held ${held.length} rows; all were at the board again ${lastResend - killedAt} ms ` +
          `after the kill (lease ${DEFAULT_LEASE_MS} ms; the old lease was ${OLD_LEASE_MS} ms), ` +
          `${lastResend - insertedAt} ms after they were written; ${takenBackTwice} were taken back more than once`,
      );

      // The workers panel: the survivor stops cleanly and says so; the victim's heartbeat just went stale.
      survivor.child.kill("SIGTERM");
      expect(await survivor.exited).toBe(0);
      const beats = new Map((await prisma.workerHeartbeat.findMany()).map((b) => [b.workerId, b]));
      expect(beats.get(survivorId)).toMatchObject({ stoppedAt: expect.any(Date), holding: 0 });
      expect(beats.get(victimId)).toMatchObject({ stoppedAt: null });
    }, 240_000);
  },
);
