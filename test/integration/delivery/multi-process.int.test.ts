// Standalone worker processes (`npm run worker`'s code path, serving the loopback channel): four of them
// share 10,000 deliveries on one PostgreSQL with every delivery sent exactly once, and a worker killed
// with SIGKILL mid-batch loses nothing: its rows come back when its leases lapse. PGlite is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createOrganization, waitUntil } from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { spawnWorkerProcess, type WorkerProcess } from "../../support/spawn-worker-process";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

const WORKER_SCRIPT = "test/support/loopback-worker.ts";

type Worker = WorkerProcess;
const spawnWorker = (env: Record<string, string | undefined>): Worker => spawnWorkerProcess(WORKER_SCRIPT, env);

async function insertDeliveries(prisma: Db, org: string, prefix: string, count: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, "occurredAt",
                            "nextAttemptAt", "createdAt", "updatedAt")
    SELECT ${prefix} || lpad(g::text, 6, '0'), ${org}, 'seek-signal', 'ApplicationStatusUpdate', 'mp',
           jsonb_build_object('n', g), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM generate_series(1, ${count}::int) AS g`;
}

describe("standalone worker processes", () => {
  it("refuse to start on PGlite, which is single-process", async () => {
    const worker = spawnWorker({ DATABASE_URL: "", SIGNALHOUSE_DATA_DIR: "/tmp/signalhouse-never-created" });
    expect(await worker.exited).toBe(1);
    expect(worker.output.join("")).toContain("needs PostgreSQL");
  });
});

describe.each(databasesUnderTest().filter((kind) => kind === "postgres"))("four worker processes on %s", (kind) => {
  let t: TestDatabase;
  let board: LoopbackBoard;
  let org: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    board = await startLoopbackBoard();
    org = await createOrganization(t.prisma);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await board.close();
    await t.close();
  });

  it("drain 10,000 deliveries with every delivery delivered exactly once, then lose nothing when one is killed -9 mid-batch", async () => {
    const prisma = t.prisma;
    const url = t.target.kind === "postgres" ? t.target.url : "";
    // Sends may take up to 8 s (a loaded 2-core machine runs the board, four workers and PostgreSQL); the
    // lease is the production 10 s, renewed while a send is open: a killed worker's rows come back after
    // at most that.
    const env = { DATABASE_URL: url, BOARD_URL: board.url, MAX_SEND_MS: "8000" };
    for (let i = 0; i < 4; i++) workers.push(spawnWorker(env));
    await waitUntil("four worker heartbeats", async () => (await prisma.workerHeartbeat.count()) === 4, 60_000);

    // Part 1: 10,000 rows written in one statement; the workers wake on its NOTIFY.
    const started = Date.now();
    await insertDeliveries(prisma, org, "mp1_", 10_000);
    await waitUntil(
      "10,000 delivered",
      async () => (await prisma.delivery.count({ where: { state: "delivered" } })) === 10_000,
      90_000,
    );
    const drainMs = Date.now() - started;
    const firstIds = [...new Set(board.accepted.map((a) => a.id))];
    expect(firstIds).toHaveLength(10_000);
    const retries = await prisma.deliveryAttempt.groupBy({ by: ["outcome", "errorCodes"], _count: { _all: true } });
    // no id accepted twice (if this fails, the attempt outcomes say why)
    expect({ accepted: board.accepted.length, retries }).toEqual({
      accepted: 10_000,
      retries: [{ outcome: "delivered", errorCodes: [], _count: { _all: 10_000 } }],
    });
    const perWorker = new Map<string, number>();
    for (const a of board.accepted) perWorker.set(a.workerId, (perWorker.get(a.workerId) ?? 0) + 1);
    expect(perWorker.size).toBeGreaterThan(1);

    // Part 2: slow the board so batches are in flight, then SIGKILL one worker while its request is open.
    board.behave("mp", () => ({ delayMs: 400 }));
    const victim = workers[0]!;
    const victimBeat = await prisma.workerHeartbeat.findFirstOrThrow({ where: { pid: victim.child.pid } });
    const before = board.accepted.length;
    await insertDeliveries(prisma, org, "mp2_", 2_000);
    await waitUntil(
      "the victim mid-batch",
      async () => board.requests.some((r) => r.workerId === victimBeat.workerId && r.items[0]?.id.startsWith("mp2_")),
      30_000,
    );
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBeNull();
    const heldByVictim = await prisma.delivery.findMany({
      where: { leaseOwner: victimBeat.workerId, state: "in_flight" },
      select: { id: true },
    });
    expect(heldByVictim.length).toBeGreaterThan(0);
    board.behave("mp", null);

    await waitUntil(
      "all 12,000 delivered",
      async () => (await prisma.delivery.count({ where: { state: "delivered" } })) === 12_000,
      90_000,
    );
    const second = board.accepted.slice(before);
    const counts = new Map<string, number>();
    for (const a of second) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
    expect(counts.size).toBe(2_000); // nothing lost
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    const victimRows = new Set(heldByVictim.map((r) => r.id));
    // duplicates only among the rows the killed worker held (its in-flight batches)
    expect(duplicated.filter((id) => !victimRows.has(id))).toEqual([]);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    console.info(
      `[multi-process] 10,000 drained by 4 processes in ${drainMs} ms (${[...perWorker.values()].join("/")} per worker); ` +
        `killed worker held ${heldByVictim.length} rows, ${duplicated.length} of them reached the board twice`,
    );

    // The survivors stop cleanly on SIGTERM and say so in their heartbeats; the victim never did.
    for (const w of workers.slice(1)) w.child.kill("SIGTERM");
    expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([0, 0, 0]);
    const beats = await prisma.workerHeartbeat.findMany();
    expect(
      beats
        .filter((b) => b.stoppedAt !== null)
        .map((b) => b.pid)
        .sort(),
    ).toEqual(
      workers
        .slice(1)
        .map((w) => w.child.pid)
        .sort(),
    );
    expect(await prisma.delivery.count({ where: { state: { not: "delivered" } } })).toBe(0);
  }, 180_000);
});
